// Live quizzes (docs/live.md): follow the session's event stream and swap in each state the
// server renders; tick the countdown between states. Without JavaScript the pages refresh
// themselves (a <meta> refresh) or by their Refresh link, and every answer is a form post.
(function () {
  "use strict";
  var container = document.getElementById("live-state");
  if (!container || !window.EventSource) { return; }
  var announcer = document.getElementById("live-announce");
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
    var status = container.querySelector(".live-status, .live-verdict");
    if (announcer && status) { announcer.textContent = status.textContent.trim(); }
  }

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
    if (sameState && typing) { return; } // a count changed: keep what is being typed
    container.replaceChildren(next);
    tick();
    if (!sameState) { announce(); }
  });
  tick();
})();
