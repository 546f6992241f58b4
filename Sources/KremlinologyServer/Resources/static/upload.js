// Upload form: reads a picked file into the content field and fills in its name.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.getElementById("upload-file");
  if (!picker) return;
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    if (!file) return;
    document.getElementById("upload-name").value = file.name;
    file.text().then((text) => { document.getElementById("upload-content").value = text; });
  });
});
