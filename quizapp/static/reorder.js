// Drag and drop, and keyboard moves, for ordering and matching answers. Without JavaScript the
// lists (selects) do it all, and they stay what the form sends: ordering hides them and sets
// them from the items' order; matching keeps them beside its items and sets one when an answer
// is dropped on its item. One pointer path serves mouse, pen and touch. Moves are announced.
(function () {
  "use strict";

  var make = function (tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text) { element.textContent = text; }
    return element;
  };

  // Screen readers hear a live region's new text; cleared first, a repeat is heard too.
  var announcer = function (fieldset) {
    var region = make("p", "visually-hidden");
    region.setAttribute("role", "status");
    fieldset.appendChild(region);
    return function (text) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    };
  };

  var labelOf = function (fieldset, select) {
    var label = fieldset.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.trim() : "";
  };

  var changed = function (select) {  // quiz.js saves a test's answer on the form's change event
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  // Follows one pointer from its pointerdown until it is released: document listeners, as the
  // dragged element moves in the page (which would end a pointer capture).
  var follow = function (start, onMove, onDrop) {
    var move = function (event) {
      if (event.pointerId === start.pointerId) { onMove(event); }
    };
    var end = function (event) {
      if (event.pointerId !== start.pointerId) { return; }
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", end);
      onDrop(event, event.type === "pointerup");
    };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);
  };

  var useScriptHint = function (fieldset) {
    var hint = fieldset.querySelector(".hint[data-js-hint]");
    if (hint) { hint.textContent = hint.getAttribute("data-js-hint"); }
  };

  var enhanceOrdering = function (fieldset, selects) {
    var count = selects.length;
    var say = announcer(fieldset);
    var list = make("ol", "reorder-list");
    var rows = selects.map(function (select, index) {
      var text = labelOf(fieldset, select);
      var item = make("li", "reorder-item");
      item.selectElement = select;
      item.itemText = text;
      item.shownIndex = index;
      item.appendChild(make("span", "reorder-handle", "⠿")).setAttribute("aria-hidden", "true");
      item.appendChild(make("span", "reorder-text", text));
      ["up", "down"].forEach(function (way) {
        var button = make("button", "button secondary reorder-" + way, "Move " + way);
        button.type = "button";
        button.setAttribute("aria-label", "Move " + way + ": " + text);  // which item, for a screen reader
        item.appendChild(button);
      });
      return item;
    });
    // The items in the order the lists give (a saved answer, a restored draft); unplaced last.
    var arrange = function () {
      var rank = function (item) {
        var position = parseInt(item.selectElement.value, 10);
        return isNaN(position) ? count + 1 : position;
      };
      rows.slice().sort(function (a, b) { return rank(a) - rank(b) || a.shownIndex - b.shownIndex; })
        .forEach(function (item) { list.appendChild(item); });
    };
    arrange();
    var pending = make("p", "reorder-pending hint", "This order is not your answer yet: move an item, or ");
    var keep = make("button", "link-button", "keep this order");
    keep.type = "button";
    pending.appendChild(keep);
    var items = function () { return Array.prototype.slice.call(list.children); };
    var refresh = function () {
      var all = items();
      all.forEach(function (item, index) {
        item.querySelector(".reorder-up").disabled = index === 0;
        item.querySelector(".reorder-down").disabled = index === all.length - 1;
      });
      pending.hidden = all.every(function (item, index) { return item.selectElement.value === String(index + 1); });
    };
    var saving = false;
    var save = function () {
      items().forEach(function (item, index) { item.selectElement.value = String(index + 1); });
      refresh();
      saving = true;
      changed(selects[0]);
      saving = false;
    };
    fieldset.addEventListener("change", function () {  // a list set by another script
      if (!saving) { arrange(); refresh(); }
    });
    var moved = function (item) {
      save();
      say(item.itemText + " moved to position " + (items().indexOf(item) + 1) + " of " + count + ".");
    };
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      var item = button.closest(".reorder-item");
      var up = button.classList.contains("reorder-up");
      list.insertBefore(item, up ? item.previousElementSibling : item.nextElementSibling.nextElementSibling);
      moved(item);
      var stay = button.disabled ? item.querySelector(up ? ".reorder-down" : ".reorder-up") : button;
      stay.focus();  // moving an element in the page takes the focus from it
    });
    keep.addEventListener("click", function () {
      save();
      say("This order is your answer.");
      list.querySelector("button:not([disabled])").focus();
    });
    list.addEventListener("pointerdown", function (event) {
      var item = event.target.closest(".reorder-item");
      if (!item || event.button !== 0 || event.target.closest("button")) { return; }
      // A finger drags from the handle only, so that the page still scrolls under it elsewhere.
      if (event.pointerType !== "mouse" && !event.target.closest(".reorder-handle")) { return; }
      event.preventDefault();
      var from = items().indexOf(item);
      item.classList.add("dragging");
      follow(event, function (move) {
        var others = items().filter(function (other) { return other !== item; });
        var before = others.filter(function (other) {
          var box = other.getBoundingClientRect();
          return move.clientY < box.top + box.height / 2;
        })[0] || null;
        if (item.nextElementSibling !== before) { list.insertBefore(item, before); }
      }, function () {
        item.classList.remove("dragging");
        if (items().indexOf(item) !== from) { moved(item); }
      });
    });
    fieldset.querySelector(".pairs").hidden = true;
    fieldset.querySelector(".pairs").after(list, pending);
    refresh();
  };

  var enhanceMatching = function (fieldset, selects) {
    var say = announcer(fieldset);
    var note = fieldset.querySelector(".answer-note");
    var pool = make("ul", "match-pool");
    pool.setAttribute("aria-hidden", "true");  // the lists beside the items do it by keyboard
    Array.prototype.forEach.call(selects[0].options, function (option) {
      if (!option.value) { return; }
      var chip = pool.appendChild(make("li", "match-chip", option.textContent));
      chip.answerValue = option.value;
    });
    var rowAt = function (x, y) {
      var found = document.elementFromPoint(x, y);
      var row = found && found.closest(".pairs li");
      return row && fieldset.contains(row) ? row : null;
    };
    var checkRepeats = function () {
      var lefts = {};
      selects.forEach(function (select) {
        if (!select.value) { return; }
        (lefts[select.value] = lefts[select.value] || []).push("“" + labelOf(fieldset, select) + "”");
      });
      var said = Object.keys(lefts).filter(function (value) { return lefts[value].length > 1; }).map(function (value) {
        var names = lefts[value];
        var answer = selects[0].querySelector('option[value="' + CSS.escape(value) + '"]').textContent;
        var who = names.length === 2 ? "both " + names.join(" and ") : names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
        return "“" + answer + "” is chosen for " + who + " — fine if it fits " + (names.length === 2 ? "both" : "each") + " of them.";
      });
      // In the server's words (Matching.answer_note): a note, not a question; the answer is saved as it is.
      note.textContent = said.join(" ");
      note.hidden = !said.length;
    };
    fieldset.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") { checkRepeats(); }
    });
    pool.addEventListener("pointerdown", function (event) {
      var chip = event.target.closest(".match-chip");
      if (!chip || event.button !== 0) { return; }
      event.preventDefault();
      var target = null;
      chip.classList.add("dragging");
      follow(event, function (move) {
        chip.style.transform = "translate(" + (move.clientX - event.clientX) + "px, " + (move.clientY - event.clientY) + "px)";
        var row = rowAt(move.clientX, move.clientY);
        if (row !== target) {
          if (target) { target.classList.remove("drop-target"); }
          target = row;
          if (target) { target.classList.add("drop-target"); }
        }
      }, function (end, dropped) {
        chip.classList.remove("dragging");
        chip.style.transform = "";
        if (target) { target.classList.remove("drop-target"); }
        if (!dropped || !target) { return; }
        var select = target.querySelector("select");
        select.value = chip.answerValue;
        changed(select);
        say(chip.textContent + " matched with " + labelOf(fieldset, select) + ".");
      });
    });
    fieldset.querySelector(".pairs").before(pool);
    checkRepeats();  // a saved answer, or a restored draft, may repeat one already
  };

  document.querySelectorAll("fieldset[data-enhance]").forEach(function (fieldset) {
    var selects = Array.prototype.slice.call(fieldset.querySelectorAll(".pairs select"));
    if (!selects.length || selects.some(function (select) { return select.disabled; })) { return; }
    var kind = fieldset.getAttribute("data-enhance");
    if (kind === "ordering") { enhanceOrdering(fieldset, selects); }
    if (kind === "matching") { enhanceMatching(fieldset, selects); }
    useScriptHint(fieldset);
    fieldset.classList.add("enhanced");
  });
})();
