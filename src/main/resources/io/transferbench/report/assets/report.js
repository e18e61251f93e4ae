// Draws the charts of a TransferBench page. The data sits in <script id="report-data"> as JSON
// (see ChartSpec.java for its shape); each chart goes into the element with the chart's id.
(function () {
  'use strict';
  var holder = document.getElementById('report-data');
  if (!holder || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.textContent);
  // Beyond this many bars, bars run sideways and the chart grows, so labels stay readable.
  var SIDEWAYS_AFTER = 12;

  // 95% intervals as whiskers over bars: Chart.js has no error bars of its own.
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var horizontal = chart.options.indexAxis === 'y';
      var valueScale = horizontal ? chart.scales.x : chart.scales.y;
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (!ds.intervals || meta.hidden) {
          return;
        }
        ctx.save();
        // An interval may reach below zero (few noisy seeds); draw only what the axes show.
        var area = chart.chartArea;
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
        ctx.clip();
        ctx.strokeStyle = '#222';
        ctx.lineWidth = 1.2;
        meta.data.forEach(function (bar, j) {
          var iv = ds.intervals[j];
          if (!iv) {
            return;
          }
          var lo = valueScale.getPixelForValue(iv[0]);
          var hi = valueScale.getPixelForValue(iv[1]);
          var at = horizontal ? bar.y : bar.x;
          var cap = Math.min(6, (horizontal ? bar.height : bar.width) / 3);
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(lo, at); ctx.lineTo(hi, at);
            ctx.moveTo(lo, at - cap); ctx.lineTo(lo, at + cap);
            ctx.moveTo(hi, at - cap); ctx.lineTo(hi, at + cap);
          } else {
            ctx.moveTo(at, lo); ctx.lineTo(at, hi);
            ctx.moveTo(at - cap, lo); ctx.lineTo(at + cap, lo);
            ctx.moveTo(at - cap, hi); ctx.lineTo(at + cap, hi);
          }
          ctx.stroke();
        });
        ctx.restore();
      });
    }
  };

  function axis(title, type) {
    var a = { title: { display: !!title, text: title || '' } };
    if (type) {
      a.type = type;
    }
    return a;
  }

  function barConfig(spec, box) {
    var sideways = spec.categories.length > SIDEWAYS_AFTER;
    if (sideways) {
      box.style.height = (80 + 22 * spec.categories.length * Math.max(1, spec.series.length * 0.6)) + 'px';
    }
    var valueAxis = axis(spec.yTitle);
    valueAxis.beginAtZero = true;
    // Leave room for the whiskers, which Chart.js does not count when it scales the axis.
    var highest = 0;
    spec.series.forEach(function (s) {
      (s.intervals || []).forEach(function (iv) {
        if (iv) {
          highest = Math.max(highest, iv[1]);
        }
      });
    });
    if (highest > 0) {
      valueAxis.suggestedMax = highest;
    }
    return {
      type: 'bar',
      data: {
        labels: spec.categories,
        datasets: spec.series.map(function (s) {
          return { label: s.label, data: s.values, backgroundColor: s.color, intervals: s.intervals,
            maxBarThickness: 90 };
        })
      },
      options: {
        indexAxis: sideways ? 'y' : 'x',
        scales: sideways ? { x: valueAxis, y: axis(spec.xTitle) } : { x: axis(spec.xTitle), y: valueAxis },
        plugins: { tooltip: { callbacks: { afterLabel: function (item) {
          var iv = item.dataset.intervals && item.dataset.intervals[item.dataIndex];
          return iv ? '95% interval ' + iv[0].toPrecision(4) + ' to ' + iv[1].toPrecision(4) : '';
        } } } }
      },
      plugins: [whiskers]
    };
  }

  function pointConfig(spec) {
    return {
      type: spec.kind === 'line' ? 'line' : 'scatter',
      data: {
        datasets: spec.series.map(function (s) {
          return {
            label: s.label, data: s.points, borderColor: s.color, backgroundColor: s.color,
            showLine: !!s.line, borderDash: s.dashed ? [6, 4] : [], tension: 0,
            // A joined scatter series (a Pareto front) is a line through points already drawn.
            pointRadius: spec.kind === 'line' ? 2.5 : s.line ? 0 : 5,
            pointStyle: spec.kind === 'scatter' && s.line ? 'line' : 'circle', borderWidth: s.line ? 2 : 1
          };
        })
      },
      options: {
        scales: { x: axis(spec.xTitle, spec.xLog ? 'logarithmic' : 'linear'), y: axis(spec.yTitle) },
        plugins: { tooltip: { callbacks: { label: function (item) {
          var p = item.raw;
          return (p.label || item.dataset.label) + ': (' + Number(p.x).toPrecision(4) + ', ' + Number(p.y).toPrecision(4) + ')';
        } } } }
      }
    };
  }

  data.charts.forEach(function (spec) {
    var box = document.getElementById(spec.id);
    if (!box) {
      return;
    }
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.title);
    box.appendChild(canvas);
    var config = spec.kind === 'bar' ? barConfig(spec, box) : pointConfig(spec);
    var many = (config.data.datasets || []).length > 16;
    config.options.animation = false;
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.plugins.title = { display: true, text: spec.title };
    // A legend of hundreds of configurations hides the chart; tooltips still name each line.
    config.options.plugins.legend = { display: !many, position: 'bottom',
      labels: spec.kind === 'scatter' ? { usePointStyle: true, boxHeight: 8 }
        : spec.kind === 'line' ? { boxWidth: 24, boxHeight: 3 } : { boxHeight: 10 } };
    new Chart(canvas, config);
  });
}());
