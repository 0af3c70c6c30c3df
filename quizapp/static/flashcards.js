// Flashcards without page reloads: flip and rate with fetch; keys 1-4 rate a flipped card.
// The front turns away before the back turns in (style.css), where motion is welcome; after a
// typed answer, the next card's answer box has the focus. Without JavaScript the same forms
// post and the server answers with a whole page (whose back turns in too).
(function () {
  "use strict";
  var area = document.getElementById("study-area");
  if (!area || !window.fetch) { return; }
  document.documentElement.classList.add("js");  // shows the key hints: the keys work now
  var motion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: no-preference)").matches;
  var typing = false;  // did the student type the last card's answer? Then they will again

  var focusAfterSwap = function () {
    var back = area.querySelector("#card-back");
    var flip = area.querySelector(".flip-button");
    var typed = area.querySelector("#typed-answer");
    var done = area.querySelector(".done h1");
    if (back) {
      back.focus();  // the answer (and the typed answer's verdict) is read out first; the rating buttons follow
    } else if (typed && typing) {
      typed.focus();
    } else if (flip) {
      flip.focus();
    } else if (done) {
      done.setAttribute("tabindex", "-1");
      done.focus();
    }
  };

  // The front turns away (a half turn, ended by the back's turning in) while the back loads.
  var turnAway = function (form) {
    var card = area.querySelector(".flashcard");
    if (!motion || !card || !form.classList.contains("flip-form")) { return Promise.resolve(); }
    card.classList.add("turning-away");
    return new Promise(function (resolve) { window.setTimeout(resolve, 180); });
  };

  var send = function (form, submitter) {
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    if (form.classList.contains("flip-form")) { typing = Boolean(body.get("typed")); }
    var turned = turnAway(form);
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Fragment": "1", "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (html) {
      return turned.then(function () { return html; });
    }).then(function (html) {
      area.innerHTML = html;
      focusAfterSwap();
    });
  };

  area.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-fragment-form")) { return; }
    event.preventDefault();
    send(form, event.submitter).catch(function () {
      form.submit();  // fall back to an ordinary post: nothing is lost
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) { return; }
    var button = area.querySelector('.rating[data-key="' + event.key + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
