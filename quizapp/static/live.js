// Live quizzes (docs/live.md): follow the session's event stream and swap in each state the
// server renders; tick the countdown between states. On a phone, a new state moves the focus
// to its [data-focus] element and says its [data-announce] text in the page's status region;
// on the projector, keys act as the host's buttons (listed on the page). Without JavaScript the
// pages refresh themselves (a <meta> refresh) or by their Refresh link, and every answer and
// host action is a form post.
(function () {
  "use strict";
  var container = document.getElementById("live-state");
  if (!container || !window.EventSource) { return; }
  var announcer = document.getElementById("live-announce");
  var host = container.getAttribute("data-role") === "host";
  var timer = null;

  function tick() {
    var countdown = container.querySelector(".live-countdown");
    if (timer) { clearInterval(timer); timer = null; }
    if (!countdown || countdown.getAttribute("data-paused")) { return; }
    var end = Date.now() + Number(countdown.getAttribute("data-remaining-ms"));
    timer = setInterval(function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      countdown.textContent = String(left);
      if (left === 0) { clearInterval(timer); timer = null; }
    }, 250);
  }

  function announce() {
    var said = container.querySelectorAll("[data-announce]");
    if (!announcer || !said.length) { return; }
    announcer.textContent = Array.prototype.map.call(said, function (node) {
      return node.textContent.replace(/\s+/g, " ").trim();
    }).join(". ");
  }

  function focusState() {
    var target = container.querySelector("[data-focus]");
    if (target && !host) { target.focus({ preventScroll: false }); }
  }

  // How the user last acted, kept across the answer's page load: after a tap or click the
  // focus moved to a new state draws no ring (the browser shows one after a load whatever the
  // input); after a key it does. A first page guesses from the pointer (a phone's is coarse).
  var MODALITY = "live-input";
  function modality(kind) {
    container.classList.toggle("live-pointer", kind === "pointer");
    try { window.sessionStorage.setItem(MODALITY, kind); } catch (e) { /* storage off: this page only */ }
  }
  var stored = null;
  try { stored = window.sessionStorage.getItem(MODALITY); } catch (e) { stored = null; }
  modality(stored || (window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? "pointer" : "keyboard"));
  document.addEventListener("pointerdown", function () { modality("pointer"); }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Unidentified" && !event.isComposing) { modality("keyboard"); } // not a phone's on-screen keys
  }, true);

  var refresh = document.querySelector(".live-refresh");
  if (refresh) { refresh.hidden = true; }
  var source = new EventSource(container.getAttribute("data-events"));
  source.addEventListener("state", function (event) {
    var current = container.querySelector(".live-state");
    var holder = document.createElement("div");
    holder.innerHTML = event.data;
    var next = holder.querySelector(".live-state");
    if (!next) { return; }
    var sameState = current && current.getAttribute("data-seq") === next.getAttribute("data-seq");
    var typing = container.contains(document.activeElement) && document.activeElement.form;
    // The same state again (the stream's first event, or the host's counts): a phone keeps its
    // page, which may hold a refused answer's message and what was typed; the projector takes
    // the new counts unless a field of it is being typed in.
    if (sameState && (!host || typing)) { return; }
    container.replaceChildren(next);
    tick();
    if (!sameState) { announce(); focusState(); }
  });

  // One tap sends the answer: a second tap while it is on its way sends nothing more.
  container.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.getAttribute("data-sent")) { event.preventDefault(); return; }
    form.setAttribute("data-sent", "1");
  });

  if (host) {
    var keys = document.getElementById("live-keys");
    if (keys) { keys.hidden = false; }
    container.classList.add("live-keyed"); // each button shows its key
    var actions = { n: ["start", "next"], " ": ["start", "next"], r: ["reveal"], p: ["pause", "resume"], s: ["skip"], e: ["end"] };
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
      var target = event.target;
      var tag = target && target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) { return; }
      if (event.key === " " && (tag === "BUTTON" || tag === "A")) { return; } // the focused control's own
      var wanted = actions[event.key.toLowerCase()];
      if (!wanted) { return; }
      for (var i = 0; i < wanted.length; i += 1) {
        var button = container.querySelector('button[data-action="' + wanted[i] + '"]');
        if (button) {
          event.preventDefault();
          if (wanted[i] === "end" && !window.confirm("End the live quiz now?")) { return; }
          button.click();
          return;
        }
      }
    });
  } else {
    focusState();
  }
  tick();
})();
