// The import page: the Quizlet separators unfold when Quizlet is chosen as the format. Without
// this script they stay a disclosure the teacher opens (the page works the same).
(function () {
  "use strict";
  var format = document.getElementById("file_format");
  var separators = document.querySelector("details.quizlet-separators");
  if (!format || !separators) { return; }
  format.addEventListener("change", function () {
    if (format.value === "quizlet") { separators.open = true; }
  });
}());
