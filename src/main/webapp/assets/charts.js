// The console's pictures, drawn as plain SVG: no library, no inline style or script (the
// Content-Security-Policy allows none). Each outcome has a pattern as well as a colour, and
// every chart has a text beside it, so nothing is told by colour alone.
'use strict';

const Charts = (() => {
    const SVG = 'http://www.w3.org/2000/svg';
    const OUTCOMES = [
        {key: 'imported', colour: '#2e7d32', pattern: 'solid'},
        {key: 'updated', colour: '#1f5fa8', pattern: 'stripes'},
        {key: 'skipped', colour: '#8a6500', pattern: 'dots'},
        {key: 'failed', colour: '#a40000', pattern: 'crosses'}];
    const WIDTH = 600;
    const HEIGHT = 200;
    const MARGIN = {left: 64, right: 12, top: 12, bottom: 30};

    function svg(tag, attributes, text) {
        const e = document.createElementNS(SVG, tag);
        Object.entries(attributes || {}).forEach(([name, value]) => e.setAttribute(name, String(value)));
        if (text !== undefined) {
            e.textContent = text;
        }
        return e;
    }

    function picture(width, height, label) {
        return svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label,
            preserveAspectRatio: 'xMidYMid meet'});
    }

    /** The outcome's fill as a pattern of this picture's own (ids are per picture, prefixed). */
    function fillOf(picture, outcome, prefix) {
        const id = `${prefix}-${outcome.key}`;
        const pattern = svg('pattern', {id, patternUnits: 'userSpaceOnUse', width: 8, height: 8});
        const c = outcome.colour;
        pattern.append(svg('rect', {width: 8, height: 8, fill: outcome.pattern === 'solid' ? c : '#fff'}));
        if (outcome.pattern === 'stripes') {
            pattern.append(svg('path', {d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4', stroke: c, 'stroke-width': 2.5}));
        } else if (outcome.pattern === 'dots') {
            pattern.append(svg('circle', {cx: 4, cy: 4, r: 2.2, fill: c}));
        } else if (outcome.pattern === 'crosses') {
            pattern.append(svg('path', {d: 'M0,0 L8,8 M8,0 L0,8', stroke: c, 'stroke-width': 2}));
        }
        let defs = picture.querySelector('defs');
        if (!defs) {
            defs = svg('defs');
            picture.prepend(defs);
        }
        defs.append(pattern);
        return `url(#${id})`;
    }

    function number(value) {
        return Math.round(value).toLocaleString();
    }

    /** One bar of the operation's outcomes, a segment each, and a legend naming them with their counts. */
    function outcomes(container, legend, count) {
        const total = OUTCOMES.reduce((sum, o) => sum + (count[o.key] || 0), 0);
        const words = OUTCOMES.map(o => `${number(count[o.key] || 0)} ${o.key}`).join(', ');
        const bar = picture(WIDTH, 40, `Outcomes: ${words}`);
        bar.append(svg('rect', {x: 0, y: 4, width: WIDTH, height: 32, fill: '#f0f0f0', stroke: '#555'}));
        let x = 0;
        OUTCOMES.forEach(o => {
            const width = total ? WIDTH * (count[o.key] || 0) / total : 0;
            if (width > 0) {
                const segment = svg('rect', {x, y: 4, width, height: 32, fill: fillOf(bar, o, 'bar'), stroke: '#555'});
                segment.append(svg('title', {}, `${number(count[o.key])} ${o.key}`));
                bar.append(segment);
            }
            x += width;
        });
        container.replaceChildren(bar);
        legend.replaceChildren(...OUTCOMES.map(o => {
            const item = document.createElement('li');
            const swatch = picture(16, 16, '');
            swatch.setAttribute('aria-hidden', 'true');
            swatch.append(svg('rect', {width: 16, height: 16, fill: fillOf(swatch, o, 'legend')}));
            const share = total ? ` (${Math.round(100 * (count[o.key] || 0) / total)} %)` : '';
            item.append(swatch, `${o.key}: ${number(count[o.key] || 0)}${share}`);
            return item;
        }));
    }

    /** The count per second between consecutive points of the import's progress (users processed, or hashed). */
    function ratesOf(points, count) {
        const start = Date.parse(points[0].ts);
        return points.slice(1).map((point, i) => {
            const from = Date.parse(points[i].ts);
            const to = Date.parse(point.ts);
            const seconds = Math.max((to - from) / 1000, 0.001);
            return {from: (from - start) / 1000, to: (to - start) / 1000,
                rate: (count(point) - count(points[i])) / seconds};
        });
    }

    /** A step per interval, joined by rises: the path of one series. */
    function stepsOf(rates, x, y) {
        const steps = rates.map(r => `M${x(r.from).toFixed(1)},${y(r.rate).toFixed(1)} H${x(r.to).toFixed(1)}`);
        const rises = rates.slice(1).map((r, i) =>
            `M${x(r.from).toFixed(1)},${y(rates[i].rate).toFixed(1)} V${y(r.rate).toFixed(1)}`);
        return [...steps, ...rises].join(' ');
    }

    /**
     * The import's users per second over its life, a step per batch, and, when it had
     * clear-text passwords, the passwords hashed per second (by every instance) dashed
     * beside it; the same in words.
     */
    function rate(container, summary, points) {
        if (!points || points.length < 2) {
            container.replaceChildren();
            summary.textContent = 'No batch imported yet.';
            return;
        }
        const rates = ratesOf(points, p => p.completed);
        const last = points[points.length - 1];
        const hashed = (last.hashed || 0) - (points[0].hashed || 0);
        const hashing = last.hashed > 0 ? ratesOf(points, p => p.hashed || 0) : [];
        const seconds = rates[rates.length - 1].to || 1;
        const highest = Math.max(...rates.map(r => r.rate), ...hashing.map(r => r.rate), 1);
        const users = last.completed - points[0].completed;
        const words = `${number(users)} users in ${seconds.toFixed(1)} s: on average ${number(users / seconds)}`
            + ` users/s, at most ${number(Math.max(...rates.map(r => r.rate), 0))} users/s`
            + (hashing.length ? `; ${number(hashed)} passwords hashed (dashed), on average`
                + ` ${number(hashed / seconds)} per second` : '');
        const chart = picture(WIDTH, HEIGHT, `Users per second over the import: ${words}`);
        const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
        const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
        const x = s => MARGIN.left + plotWidth * s / seconds;
        const y = r => MARGIN.top + plotHeight * (1 - r / highest);
        [0, 0.5, 1].forEach(share => {
            chart.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(highest * share),
                y2: y(highest * share), stroke: '#ddd'}));
            chart.append(svg('text', {x: MARGIN.left - 4, y: y(highest * share) + 4, 'text-anchor': 'end'},
                number(highest * share)));
        });
        chart.append(svg('text', {x: MARGIN.left, y: HEIGHT - 6}, '0 s'));
        chart.append(svg('text', {x: WIDTH - MARGIN.right, y: HEIGHT - 6, 'text-anchor': 'end'},
            `${seconds.toFixed(1)} s`));
        chart.append(svg('path', {d: stepsOf(rates, x, y), fill: 'none', stroke: '#1f5fa8', 'stroke-width': 2}));
        if (hashing.length) {
            chart.append(svg('path', {d: stepsOf(hashing, x, y), fill: 'none', stroke: '#8a6500', 'stroke-width': 2,
                'stroke-dasharray': '6 4', class: 'hashed'}));
        }
        chart.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), stroke: '#555'}));
        container.replaceChildren(chart);
        summary.textContent = words + '.';
    }

    return {outcomes, rate};
})();
