// Optional enhancements only: every page works without this script.
// "/" moves focus to the search box, as on many sites; Escape leaves it.
document.addEventListener('keydown', function (e) {
  var t = e.target;
  var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    var box = document.querySelector('input[type=search]');
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  } else if (e.key === 'Escape' && typing && t.type === 'search') {
    t.blur();
  }
});
