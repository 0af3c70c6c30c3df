// The bank editor: line numbers that follow the text, problem links that jump to their line, a
// warning before leaving with unsaved changes, and the text kept on the server as a draft after
// each pause in typing (and as the page goes away), so a closed tab loses nothing.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var gutter = document.querySelector(".editor .gutter");
  if (!text || !gutter) { return; }

  var renumber = function () {
    var count = text.value.split("\n").length;
    var lines = [];
    for (var n = 1; n <= count; n += 1) { lines.push(n); }
    gutter.textContent = lines.join("\n") + "\n";
  };
  text.addEventListener("input", renumber);
  text.addEventListener("scroll", function () { gutter.scrollTop = text.scrollTop; });

  document.querySelectorAll(".goto-line").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var line = parseInt(link.getAttribute("data-line"), 10);
      var lines = text.value.split("\n");
      var start = 0;
      for (var n = 0; n < line - 1 && n < lines.length; n += 1) { start += lines[n].length + 1; }
      var end = start + (lines[line - 1] || "").length;
      text.focus();
      text.setSelectionRange(start, end);
      var lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
      text.scrollTop = Math.max(0, (line - 5) * lineHeight);
      gutter.scrollTop = text.scrollTop;
    });
  });
  renumber();

  var form = text.form;
  var original = text.value;
  // shown after a check, a refused save, an import or a restored draft: not the file's text yet
  var unsavedAtLoad = form.getAttribute("data-unsaved") === "1";
  var sentDraft = text.value;
  var submitting = false;
  var draftTimer = null;
  var DRAFT_PAUSE_MS = 1500;

  var draftData = function () {
    var data = new FormData();
    data.append("csrf_token", form.elements.csrf_token.value);
    data.append("version", form.elements.version.value);
    data.append("text", text.value);
    return data;
  };
  var sendDraft = function () {
    draftTimer = null;
    var url = form.getAttribute("data-draft-url");
    if (!url || text.value === sentDraft) { return; }
    var sending = text.value;
    fetch(url, { method: "POST", body: draftData(), credentials: "same-origin" })
      .then(function (response) { if (response.ok) { sentDraft = sending; } })
      .catch(function () { /* offline: the next pause tries again */ });
  };
  text.addEventListener("input", function () {
    if (draftTimer !== null) { clearTimeout(draftTimer); }
    draftTimer = setTimeout(sendDraft, DRAFT_PAUSE_MS);
  });
  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("beforeunload", function (event) {
    if (submitting || (!unsavedAtLoad && text.value === original)) { return; }
    event.preventDefault();
    event.returnValue = "";  // older browsers ask only when it is set
  });
  window.addEventListener("pagehide", function () {
    var url = form.getAttribute("data-draft-url");
    if (submitting || !url || text.value === sentDraft || !navigator.sendBeacon) { return; }
    navigator.sendBeacon(url, draftData());
  });
})();
