// Progressive enhancement for quiz pages; everything works without it.
// 1. A countdown next to the printed deadline (the server enforces the deadline).
// 2. Test answers are saved as soon as they change, and kept in this browser until the
//    server has them, so a lost connection or a closed tab loses nothing.
// 3. After a practice answer, the verdict has the focus (autofocus, here for browsers that
//    ignore it on a heading), so a screen reader reads it and the next Tab is "Next question".
(function () {
  "use strict";

  // A page of an attempt restored by Back from the browser's memory (back/forward cache) may be
  // stale: a submitted test's countdown and buttons. Ask the server again (it sends the results).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  var verdict = document.getElementById("feedback-heading");
  if (verdict && verdict.hasAttribute("autofocus") && document.activeElement === document.body) {
    verdict.focus();
  }

  // Deadlines are printed by the server in the reader's chosen zone (their account's, else the
  // school's), with its abbreviation: the device's clock and zone may differ, so they stay.

  // After a submit, the drafts kept for this attempt are no longer needed.
  var submitForm = document.getElementById("submit-form");
  if (submitForm) {
    submitForm.addEventListener("submit", function () {
      var prefix = "quizapp-draft:" + submitForm.getAttribute("data-drafts");
      try {
        Object.keys(window.localStorage).forEach(function (name) {
          if (name.indexOf(prefix) === 0) { window.localStorage.removeItem(name); }
        });
      } catch (e) { /* storage unavailable: nothing to clear */ }
    });
  }

  var timer = document.getElementById("timer");
  if (timer) {
    var deadline = Date.parse(timer.getAttribute("data-deadline"));
    var out = timer.querySelector(".countdown");
    var approximate = timer.querySelector(".minutes-left");  // the countdown says it exactly
    if (approximate) { approximate.remove(); }
    var lastAnnounced = null;
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      var text = left > 0 ? "Time left: " + minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s." : "Time is up.";
      out.setAttribute("aria-live", minutes !== lastAnnounced && (minutes % 5 === 0 || minutes < 2) ? "polite" : "off");
      lastAnnounced = minutes;
      out.textContent = text;
      timer.classList.toggle("timer-low", left < 120);
      if (left === 0) {
        window.clearInterval(handle);
        window.setTimeout(function () { window.location.reload(); }, 3000);
      }
    };
    var handle = window.setInterval(tick, 1000);
    tick();
  }

  var form = document.getElementById("answer-form");
  if (!form || form.getAttribute("data-autosave") !== "1" || !window.fetch) {
    return;
  }
  var status = document.getElementById("save-status");
  var key = "quizapp-draft:" + window.location.pathname;
  var retry = null;

  var serialize = function () {
    return new URLSearchParams(new FormData(form)).toString();
  };
  var restore = function () {
    var draft = null;
    try { draft = window.localStorage.getItem(key); } catch (e) { return; }
    if (!draft) { return; }
    var params = new URLSearchParams(draft);
    form.querySelectorAll("input, select").forEach(function (input) {
      if (!input.name || input.name === "csrf_token") { return; }
      var values = params.getAll(input.name);
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = values.indexOf(input.value) >= 0;
      } else if (values.length) {
        input.value = values[0];
      }
    });
    save();
  };
  var keepDraft = function () {
    try { window.localStorage.setItem(key, serialize()); } catch (e) { /* private mode: no draft */ }
  };
  // One save at a time: two requests in flight can be answered out of order, and then an
  // older answer would overwrite a newer one on the server, or an older reply would say
  // "Not saved" about an answer that was saved. A change made while a save is in flight
  // is sent when that save's reply has come.
  var inFlight = false;
  var queued = false;
  var save = function () {
    keepDraft();
    status.textContent = "Saving…";
    if (inFlight) {
      queued = true;
      return;
    }
    var body = serialize();
    inFlight = true;
    queued = false;
    window.clearTimeout(retry);
    var settle = function () {
      inFlight = false;
      if (queued) {
        save();
        return true;
      }
      return serialize() !== body;  // newer typing: its own save comes after the pause
    };
    fetch(window.location.pathname, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Autosave": "1" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, status: response.status, data: data }; });
    }).then(function (result) {
      if (settle()) {
        return;
      }
      if (result.ok) {
        try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
        status.textContent = "Saved.";
      } else if (result.status === 409 && result.data.results) {
        window.location.assign(result.data.results);
      } else if (result.status === 422) {
        status.textContent = "Not saved: check your answer.";
      } else if (result.data && result.data.expired) {
        status.textContent = "Not saved: this page has expired (did you log in again elsewhere?). " +
          "Reload the page: your answer is kept in this browser and will be saved.";
      } else {
        status.textContent = "Not saved yet. Retrying…";
        retry = window.setTimeout(save, 5000);
      }
    }).catch(function () {
      if (settle()) {
        return;
      }
      status.textContent = "Not saved yet: no connection. Retrying…";
      retry = window.setTimeout(save, 5000);
    });
  };
  var typing = null;
  form.addEventListener("change", function () { window.clearTimeout(typing); save(); });
  form.addEventListener("input", function () {  // kept at once, sent after a short pause
    keepDraft();
    window.clearTimeout(typing);
    typing = window.setTimeout(save, 800);
  });
  form.addEventListener("submit", function () {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });
  restore();
})();
