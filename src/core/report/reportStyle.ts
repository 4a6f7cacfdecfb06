/**
 * The report's one stylesheet, inline: readable on a phone (tables scroll inside their own box,
 * long names wrap, charts scale to the width), and printable (no scroll boxes, no split rows).
 */
export const REPORT_STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f6f7f9;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #4e79a7}
h2.contents{font-size:1rem;border:0;margin:1rem 0 .25rem;padding:0}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem;overflow-wrap:anywhere}
h4{font-size:1rem;margin:1rem 0 .25rem}
p,li{overflow-wrap:anywhere}
.intro{color:#57606a}
nav ol{margin:0;padding-left:1.5rem}
a{color:#0b5cad}
.scroll{max-width:100%;overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;font-size:.9rem;min-width:50%}
caption{text-align:left;color:#57606a;padding:.25rem 0;caption-side:top}
th,td{padding:.3rem .6rem;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top;overflow-wrap:break-word}
tbody th{min-width:7rem;max-width:22rem}
thead th{background:#f0f3f6;font-weight:600}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
figure{margin:1rem 0}
svg.chart{display:block;width:100%;height:auto;max-width:40rem;font-family:inherit}
svg.chart text{fill:#1f2328}
.swatch{display:inline-block;width:.75em;height:.75em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
.profile{border:1px solid #d8dee4;border-radius:6px;padding:0 1rem .5rem;margin:1rem 0}
.high{color:#a04a00;font-weight:600}
.low{color:#2f5a8a;font-weight:600}
.notes{color:#57606a}
.chosen{font-weight:600}
.nowrap{white-space:nowrap}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){body{font-size:14px}main{padding:1rem .75rem 2rem}th,td{padding:.25rem .4rem}tbody th{min-width:5rem;max-width:12rem}}
@media print{body{background:#fff}main{max-width:none;padding:0}.scroll{overflow:visible}nav{display:none}tr,figure,svg{break-inside:avoid}h2,h3{break-after:avoid}}
`;
