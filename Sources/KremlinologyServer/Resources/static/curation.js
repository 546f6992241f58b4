// The curation forms work without this script. It spares typing the token in every form:
// a token typed in one field fills the others (kept for this tab only), and a judgement
// returns to the page it was made on instead of the fact's document.
(function () {
  "use strict";
  var key = "kremlinology-token";
  function fields() { return Array.prototype.slice.call(document.querySelectorAll("input.curation-token")); }
  function fill(value) { fields().forEach(function (f) { if (!f.value) { f.value = value; } }); }
  var saved = null;
  try { saved = window.sessionStorage.getItem(key); } catch (e) { saved = null; }
  if (saved) { fill(saved); }
  fields().forEach(function (field) {
    field.addEventListener("change", function () {
      try { window.sessionStorage.setItem(key, field.value); } catch (e) { /* storage off: fill this page only */ }
      fill(field.value);
    });
  });
  var here = window.location.pathname + window.location.search;
  Array.prototype.slice.call(document.querySelectorAll("input.curation-back")).forEach(function (f) { f.value = here; });
}());
