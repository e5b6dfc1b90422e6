/*
 * ShopTalk owner results: a figure, a line or bar chart and a table for each computed answer, with the
 * "how I got this" line under it. Added to <shoptalk-chat> by widget.js after widget-chat.js.
 */
(() => {
  'use strict';

  const { el, svg, day, words, measured, number } = window.ShopTalkKit;
  const ShopTalkChat = customElements.get('shoptalk-chat');
  if (!ShopTalkChat) return;

  const MONEY = new Set(['revenue', 'aov', 'revenue_per_customer', 'spend']);
  const LABELS = {
    aov: 'Average order value', ai_credits: 'AI credits', repeat_rate: 'Repeat-customer rate', new_customers: 'New customers',
    basket_size: 'Items per order', return_rate: 'Returns and cancellations', revenue_per_customer: 'Revenue per customer',
    units: 'Units sold', change: 'Change', churn_risk: 'Customers at risk', restock: 'Restock',
  };

  function label(metric) {
    const text = LABELS[metric] || words(metric);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function periodText(result) {
    if (result.from && result.to) return result.from === result.to ? day(result.from) : `${day(result.from)} – ${day(result.to)}`;
    if (result.to) return `up to ${day(result.to)}`;
    if (result.from) return `since ${day(result.from)}`;
    return 'All time';
  }

  Object.assign(ShopTalkChat.prototype, {

    renderResult(result, currency) {
      const box = el('figure', `result ${result.kind}`);
      const when = periodText(result);
      const unit = MONEY.has(result.metric) ? currency : (result.kind === 'scalar' ? result.unit : null);
      if (result.kind === 'scalar') {
        box.append(el('p', 'big', measured(result.value, result.unit, result.metric)));
        box.append(el('figcaption', 'caption', `${label(result.metric)} · ${when}`));
      } else if (result.kind === 'series' && Array.isArray(result.points)) {
        const grouping = result.plan && result.plan.grouping ? result.plan.grouping : 'by period';
        box.append(el('figcaption', 'caption', `${label(result.metric)} ${grouping} · ${when}`));
        if (result.points.length) box.append(this.lineChart(result.points, unit, result.metric));
        const rows = result.points.map((point) => [point.partial ? `${point.period} (so far)` : point.period, point.value]);
        box.append(this.dataTable(['period', result.metric], rows, unit, result.metric, true));
      } else if (result.kind === 'table' && Array.isArray(result.columns) && Array.isArray(result.rows)) {
        box.append(el('figcaption', 'caption', `${label(result.metric)} · ${when}`));
        const chartable = result.chart === 'bar' && result.columns.length === 2 && result.rows.length > 1
          && result.rows.every((row) => typeof row[1] === 'number');
        if (chartable) box.append(this.barChart(result.rows, unit, result.metric));
        box.append(this.dataTable(result.columns, result.rows, unit, result.metric, chartable));
      }
      // How the answer was computed: metric and definition, filters, period, grouping, source.
      if (result.plan && typeof result.plan.text === 'string') {
        const plan = el('p', 'plan');
        plan.append(el('span', 'plan-label', 'How I got this: '), document.createTextNode(result.plan.text));
        box.append(plan);
      }
      return box;
    },

    dataTable(columns, rows, unit, metric, collapsible) {
      const table = el('table', 'data');
      const head = el('thead');
      const headRow = el('tr');
      for (const column of columns) {
        const cell = el('th', null, words(column));
        cell.scope = 'col';
        headRow.append(cell);
      }
      head.append(headRow);
      const body = el('tbody');
      for (const row of rows) {
        const line = el('tr');
        row.forEach((value, index) => {
          const numeric = typeof value === 'number';
          const shown = numeric && index === columns.length - 1 && columns[index] === metric ? measured(value, unit, metric)
            : numeric ? number(value) : String(value ?? '');
          line.append(el('td', numeric ? 'num' : null, shown));
        });
        body.append(line);
      }
      table.append(head, body);
      if (!collapsible) {
        const scroller = el('div', 'table-wrap');
        scroller.append(table);
        return scroller;
      }
      const details = el('details', 'table-wrap');
      details.append(el('summary', null, 'Show the numbers'), table);
      return details;
    },

    /** Charts are drawn at the width they are shown at, so their text stays at its normal size. */
    chartWidth() {
      const available = this.log.clientWidth - 56;
      return available > 0 ? Math.max(260, Math.min(720, available)) : 320;
    },

    lineChart(points, unit, metric) {
      const width = this.chartWidth();
      const height = 170;
      const pad = { left: 8, right: 8, top: 16, bottom: 24 };
      const values = points.map((point) => point.value);
      const max = Math.max(...values, 0);
      const min = Math.min(...values, 0);
      const span = max - min || 1;
      const x = (index) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2
        : index * (width - pad.left - pad.right) / (points.length - 1));
      const y = (value) => pad.top + (max - value) * (height - pad.top - pad.bottom) / span;
      const best = values.indexOf(max);
      const chart = svg('svg', { class: 'chart line', viewBox: `0 0 ${width} ${height}`, role: 'img' });
      const label = `Line chart of ${words(metric)} over ${points.length} periods, from ${points[0].period} to ${points[points.length - 1].period}; highest ${points[best].period} at ${measured(max, unit, metric)}.`;
      const title = svg('title');
      title.textContent = label;
      chart.append(title);
      chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }));
      // Whole periods get the solid line; a period not over yet ("so far") is joined by a dashed one, so
      // that it does not read as a drop.
      const whole = points.map((point, index) => index).filter((index) => !points[index].partial);
      const line = (indexes) => indexes.map((index, n) => `${n ? 'L' : 'M'}${x(index).toFixed(1)},${y(points[index].value).toFixed(1)}`).join(' ');
      const path = line(whole);
      if (whole.length) {
        const area = `${path} L${x(whole[whole.length - 1]).toFixed(1)},${y(0).toFixed(1)} L${x(whole[0]).toFixed(1)},${y(0).toFixed(1)} Z`;
        chart.append(svg('path', { class: 'area', d: area }));
        chart.append(svg('path', { class: 'stroke', d: path }));
      }
      points.forEach((point, index) => {
        if (!point.partial) return;
        const neighbour = index > 0 ? index - 1 : index + 1;
        if (neighbour < points.length) chart.append(svg('path', { class: 'stroke partial', d: line([Math.min(index, neighbour), Math.max(index, neighbour)]) }));
      });
      points.forEach((point, index) => {
        const dot = svg('circle', { class: point.partial ? 'point partial' : 'point', cx: x(index).toFixed(1), cy: y(point.value).toFixed(1), r: points.length > 40 ? 1.5 : 3 });
        const tip = svg('title');
        tip.textContent = `${point.period}${point.partial ? ' (so far)' : ''}: ${measured(point.value, unit, metric)}`;
        dot.append(tip);
        chart.append(dot);
      });
      const ticks = points.length <= 4 ? points.map((_, index) => index) : [0, Math.floor((points.length - 1) / 2), points.length - 1];
      for (const index of ticks) {
        const anchor = index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
        const text = svg('text', { class: 'tick', x: x(index).toFixed(1), y: height - 6, 'text-anchor': anchor });
        text.textContent = points[index].partial ? `${points[index].period} (so far)` : points[index].period;
        chart.append(text);
      }
      const peak = svg('text', { class: 'peak', x: Math.min(Math.max(x(best), 40), width - 40).toFixed(1), y: Math.max(y(max) - 5, 11).toFixed(1), 'text-anchor': 'middle' });
      peak.textContent = measured(max, unit, metric);
      chart.append(peak);
      return chart;
    },

    barChart(rows, unit, metric) {
      const width = Math.min(this.chartWidth(), 560);
      const barHeight = 14;
      const gap = 22;
      const shown = rows.slice(0, 15);
      const height = shown.length * (barHeight + gap) + 4;
      const max = Math.max(...shown.map((row) => Math.abs(row[1])), 1);
      const chart = svg('svg', { class: 'chart bars', viewBox: `0 0 ${width} ${height}`, role: 'img' });
      const title = svg('title');
      title.textContent = `Bar chart of ${words(metric)}: ${shown.map((row) => `${row[0]} ${measured(row[1], unit, metric)}`).join('; ')}.`;
      chart.append(title);
      shown.forEach((row, index) => {
        const top = index * (barHeight + gap);
        const name = svg('text', { class: 'bar-label', x: 0, y: top + 12 });
        const text = String(row[0]);
        name.textContent = text.length > 44 ? `${text.slice(0, 43)}…` : text;
        const barWidth = Math.max(2, (Math.abs(row[1]) / max) * (width - 90));
        const bar = svg('rect', { class: 'bar', x: 0, y: top + 16, width: barWidth.toFixed(1), height: barHeight, rx: 3 });
        const tip = svg('title');
        tip.textContent = `${text}: ${measured(row[1], unit, metric)}`;
        bar.append(tip);
        const value = svg('text', { class: 'bar-value', x: (barWidth + 6).toFixed(1), y: top + 27 });
        value.textContent = measured(row[1], unit, metric);
        chart.append(name, bar, value);
      });
      return chart;
    },
  });
})();
