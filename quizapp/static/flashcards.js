// Flashcards without page reloads: flip and rate with fetch; keys 1-4 rate a flipped card.
// Without JavaScript the same forms post and the server answers with a whole page.
(function () {
  "use strict";
  var area = document.getElementById("study-area");
  if (!area || !window.fetch) { return; }
  document.documentElement.classList.add("js");  // shows the key hints: the keys work now

  var focusAfterSwap = function () {
    var back = area.querySelector("#card-back");
    var flip = area.querySelector(".flip-button");
    var done = area.querySelector(".done h1");
    if (back) {
      back.focus();  // the answer is read out first; the rating buttons follow
    } else if (flip) {
      flip.focus();
    } else if (done) {
      done.setAttribute("tabindex", "-1");
      done.focus();
    }
  };

  var send = function (form, submitter) {
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Fragment": "1", "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
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
