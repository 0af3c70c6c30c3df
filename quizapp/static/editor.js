// The bank editor: line numbers that follow the text, and problem links that jump to their line.
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
})();
