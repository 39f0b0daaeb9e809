// The page's own code, run after Gongkai: a named AMD module, jQuery-style ready, array helpers.
define('site/share', [], function () {
  return {
    count: function (list) {
      var n = 0;
      for (var i in list) if (list.hasOwnProperty(i)) n++;
      return n;
    },
  };
});
require(['site/share'], function (share) {
  $(function () {
    var shares = $('cms-share');
    window.__pageApp = {
      ready: true,
      shares: share.count(shares),
      helpers: [1, 2, 3].remove(2).contains(3) && [[1], [2]].flatten().last() === 2,
      jquery: $.fn.jquery,
    };
  });
});
