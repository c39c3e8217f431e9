// The site's only script, loaded from its own origin (the CSP allows no inline script):
// reveals print buttons (hidden without script, where the browser's menu prints the same
// page), and selects a share field's address when it gets focus.
document.querySelectorAll('[data-print][hidden]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
});
document.querySelectorAll('[data-select-on-focus]').forEach((field) => field.addEventListener('focus', () => field.select()));
