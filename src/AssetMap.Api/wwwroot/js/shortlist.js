// The print button (hidden without JavaScript: the browser's own Print works the same).
(function () {
  'use strict';
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
}());
