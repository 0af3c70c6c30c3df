// The question form's quote field, filled from the article beside it: select a passage of the
// article, press "Add the text selected in the article", and the passage is added to the quote
// field (a line of its own: one quote per line). Without JavaScript the button stays hidden and
// the teacher copies and pastes. The last selection made in the article is remembered, as a
// phone may clear it when the button is tapped.
(function () {
  "use strict";

  var article = document.getElementById("article-text");
  var buttons = document.querySelectorAll("[data-quote-target]");
  if (!article || !buttons.length || !window.getSelection) { return; }

  var picked = "";
  var inArticle = function (node) { return node && article.contains(node); };

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (selection && selection.rangeCount && inArticle(selection.anchorNode) && inArticle(selection.focusNode)) {
      var text = selection.toString().replace(/\s+/g, " ").trim();
      if (text) { picked = text; }
    }
  });

  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute("data-quote-target"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!picked) {
        article.focus();
        return;
      }
      var current = field.value.replace(/\s+$/, "");
      field.value = current ? current + "\n" + picked : picked;
      field.focus();
    });
  });
}());
