import { CALENDAR_STYLE } from './calendar-grid.js';
import { WEEK_STYLE } from './calendar-week.js';

/** Where every page finds the stylesheet (served by `assetRoutes`). */
export const STYLESHEET_PATH = '/assets/loa.css';

/**
 * The one stylesheet of every page. Colours meet WCAG 2.1 AA on their backgrounds (4.5:1
 * for text); tables marked `stack` become one card per row under 40rem, each cell led by
 * its column's `data-label`, so that no page scrolls sideways on a 390-px phone.
 */
const BASE_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
a{color:#0b3d91}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b3d91;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.top{background:#0b3d91;color:#fff;padding:.4rem 1rem;display:flex;gap:.4rem 1rem;align-items:center;flex-wrap:wrap}
header.top a,header.top .who{color:#fff}
header.top .brand{font-weight:bold;font-size:1.15rem;text-decoration:none;margin-right:.5rem}
header.top nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
header.top nav a{text-decoration:none;padding:.35rem .1rem;display:inline-block;border-bottom:3px solid transparent}
header.top nav a[aria-current=page]{border-bottom-color:#fff;font-weight:bold}
header.top nav a:hover{border-bottom-color:#9fb8e8}
header.top .session{margin-left:auto;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
header.top button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;padding:.25rem .6rem;font:inherit;cursor:pointer}
main{padding:1rem;max-width:72rem;margin:0 auto;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .6rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#eef1f6}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,td.time{white-space:nowrap;overflow-wrap:normal}
th{overflow-wrap:normal}
td.time{font-variant-numeric:tabular-nums}
.met{color:#1a7f37}.missed{color:#c62828}.at-risk{color:#9a5700}.open{color:#0b3d91}
.not-yet-due,.counted,.muted{color:#595959}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;font-size:.85rem;border:1px solid currentColor;white-space:nowrap}
form.inline{display:inline}
label{display:inline-block;margin:.15rem .6rem .15rem 0;max-width:100%}
input,select,textarea,button{font:inherit;max-width:100%}
input,select,textarea{border:1px solid #767676;border-radius:4px;padding:.3rem .4rem;background:#fff;color:#1b1b1b}
textarea{width:100%}
button,.button{display:inline-block;background:#0b3d91;color:#fff;border:1px solid #0b3d91;border-radius:4px;padding:.35rem .8rem;cursor:pointer;text-decoration:none;line-height:1.3}
button.secondary,.button.secondary{background:#fff;color:#0b3d91}
button.danger{background:#fff;color:#c62828;border-color:#c62828}
form.filters{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:flex-end;margin:.5rem 0}
.actions{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.notice{border-left:4px solid #1a7f37;background:#eef7f0;padding:.5rem 1rem;margin:.5rem 0}
.problem{border-left:4px solid #c62828;background:#fdecea;padding:.5rem 1rem;margin:.5rem 0}
.problem p,.notice p{margin:.2rem 0}code.hash{word-break:break-all}
.secret{display:block;background:#fff8e1;border:1px solid #9a5700;padding:.5rem;word-break:break-all;font-size:1.05rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;margin:1rem 0}
.card{border:1px solid #c8c8c8;border-radius:6px;padding:.8rem 1rem;background:#fafbfd}
.card h2,.card h3{margin-top:0}
.card ul{padding-left:1.1rem;margin:.3rem 0}
.figure{font-size:1.8rem;font-weight:bold;margin:.2rem 0}
.programme-audio{margin:.8rem 0}.programme-audio audio{display:block;width:100%;max-width:32rem;margin-top:.3rem}
svg.chart{max-width:100%;height:auto}
details>summary{cursor:pointer}
fieldset{min-width:0;max-width:100%;border:1px solid #c8c8c8;border-radius:6px;margin:.8rem 0;padding:.4rem .8rem}
legend{font-weight:bold;padding:0 .3rem}
fieldset.choices label{display:block;margin:.25rem 0}
.item-form>p>label,.editor label{display:block;font-weight:bold;margin-top:.4rem}
.item-form input:not([type]),.item-form input[type=datetime-local]{width:100%}
.editor{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;align-items:start}
.renditions{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1fr) minmax(0,3fr);gap:.6rem;align-items:start;margin:.4rem 0 .8rem}
.rendition{margin:0}.rendition img{display:block;max-width:100%;height:auto;border:1px solid #ccc}
.rendition figcaption{font-size:.85rem;color:#3d3d3d}
@media (max-width:40rem){.renditions{grid-template-columns:minmax(0,1fr)}}
.channel-states{list-style:none;margin:0;padding:0}.channel-states li{margin:.1rem 0}
.item-state{border-left:4px solid #0b3d91;padding:.2rem .8rem;margin:.8rem 0;background:#f3f6fb}
.preview-box{border:1px dashed #767676;border-radius:6px;padding:.5rem 1rem;min-height:10rem}
.preview-box>h2{font-size:1rem;margin:.2rem 0 .5rem;color:#3d3d3d}
#preview img{max-width:100%;height:auto}
button.small{padding:.15rem .5rem;font-size:.9rem;white-space:nowrap}
section.rundown[data-movable] tr[draggable=true]{cursor:grab}
section.rundown tr.dragging{opacity:.55;outline:2px dashed #0b3d91}
.story-actions{flex-wrap:nowrap}
details.history{margin:.5rem 0}
@media (max-width:40rem){
main{padding:.6rem}
h1{font-size:1.35rem}
label{margin-right:0}
header.top .session{margin-left:0}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tr{border:1px solid #c8c8c8;border-radius:6px;margin:.5rem 0;padding:.2rem .5rem}
table.stack td{border:0;padding:.15rem 0}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:bold;color:#3d3d3d}
table.stack td:empty{display:none}
dl.facts{grid-template-columns:1fr}
.editor{grid-template-columns:minmax(0,1fr)}
}
@media print{header.top,form,.skip,.no-print,.programme-audio audio{display:none}main{max-width:none;padding:0}}
`;

/** The stylesheet's text. */
export const STYLESHEET = `${BASE_STYLE}${CALENDAR_STYLE}${WEEK_STYLE}`;
