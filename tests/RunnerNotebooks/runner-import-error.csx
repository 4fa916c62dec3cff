// Imported by runner-import-error.ipynb: a compile error inside an imported file.
int notAnInt = "text";
