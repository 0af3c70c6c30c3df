// The time zone this browser is in, for the hidden "browser_zone" field of the login, sign-up,
// join and first-password forms: an account with no zone of its own takes it (times then show on
// the student's own day). Without JavaScript the field stays empty: the school's zone.
(function () {
  "use strict";
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  document.querySelectorAll('input[name="browser_zone"]').forEach(function (field) {
    field.value = zone;
  });
})();
