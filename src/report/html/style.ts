/**
 * The report's one stylesheet, inlined in a `<style>` whose sha256 the Content-Security-Policy names. No
 * `style` attribute anywhere (the policy would refuse it): every look is a class here. The print rules turn
 * the page into a certificate: the verdict, what was tested, every check on one line, failures in full.
 */
export const CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--soft:#f6f8fa;--card:#fff;--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--skip:#6e7781;--error:#8250df;--accent:#0969da;
--pass-bg:#dafbe1;--fail-bg:#ffebe9;--warn-bg:#fff8c5;--skip-bg:#eaeef2;--error-bg:#fbefff;--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
*{box-sizing:border-box}
html{background:var(--soft)}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);margin:0 auto;max-width:1240px;padding:1.25rem 1.5rem 3rem}
code,pre,.id{font-family:var(--mono);font-size:12.5px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.muted{color:var(--muted)}
h1,h2,h3,h4,h5{margin:0}
.top{background:var(--card);border:1px solid var(--line);border-left:8px solid var(--skip);border-radius:10px;padding:1rem 1.25rem;display:grid;grid-template-columns:1fr auto;gap:.5rem 1.5rem;align-items:center}
.top.v-conformant{border-left-color:var(--pass)}.top.v-not-conformant{border-left-color:var(--fail)}.top.v-incomplete{border-left-color:var(--warn)}
.brand{grid-column:1/-1;color:var(--muted);font-size:12px;letter-spacing:.04em;text-transform:uppercase}
.verdict-box{display:flex;gap:1rem;align-items:center}
.verdict-sign{width:3.2rem;height:3.2rem;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:1.9rem;font-weight:700;color:#fff;background:var(--skip);flex:none}
.v-conformant .verdict-sign{background:var(--pass)}.v-not-conformant .verdict-sign{background:var(--fail)}.v-incomplete .verdict-sign{background:var(--warn)}
.verdict{font-size:2rem;line-height:1.15;letter-spacing:-.01em}
.v-conformant .verdict{color:var(--pass)}.v-not-conformant .verdict{color:var(--fail)}.v-incomplete .verdict{color:var(--warn)}
.because{margin:.25rem 0 0;color:var(--muted);overflow-wrap:break-word}.because a{white-space:nowrap}
.gate{margin:.35rem 0 0;overflow-wrap:break-word}.gate b{font-weight:600}.gate.passed b{color:var(--pass)}.gate.failed b{color:var(--fail)}
.root-cause{margin:.35rem 0 0;padding:.4rem .6rem;border-radius:6px;background:var(--fail-bg);color:var(--fg);overflow-wrap:break-word}
.chips{list-style:none;margin:0;padding:0;display:flex;gap:.4rem;flex-wrap:wrap;justify-content:flex-end}
.chip{border-radius:999px;padding:.2rem .7rem;font-size:13px;border:1px solid transparent;white-space:nowrap}
.chip b{font-size:15px}.chip.zero{opacity:.45}
.st-pass.chip{background:var(--pass-bg);color:var(--pass)}.st-fail.chip{background:var(--fail-bg);color:var(--fail)}.st-warn.chip{background:var(--warn-bg);color:var(--warn)}
.st-skip.chip{background:var(--skip-bg);color:var(--skip)}.st-error.chip{background:var(--error-bg);color:var(--error)}.chip.notrun{background:var(--skip-bg)}
.meta{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-top:.75rem;padding:.5rem 1.25rem}
.meta>summary{cursor:pointer;color:var(--muted);overflow-wrap:anywhere}.meta[open]>summary{margin-bottom:.5rem}
mark{background:#fff8c5;outline:2px solid #d4a72c;border-radius:2px;color:inherit}tr.marked th{color:var(--fail)}
.cp{display:inline-block;font-size:9.5px;line-height:1.2;border:1px solid var(--line);border-radius:3px;padding:0 .15rem;margin:0 .1rem;color:var(--muted);background:var(--card);vertical-align:1px}
.moved{margin:.25rem 0;padding:.3rem .75rem;border:1px dashed var(--line);border-radius:8px;font-size:13px}.moved a{color:var(--fg)}
section.failures>h2{color:var(--fail);border-bottom-color:#ffcecb}
.replay-fold>summary{cursor:pointer;color:var(--muted);font-size:12.5px;margin-top:.3rem}
#about-volatile{margin:0 0 .5rem}a.tag.volatile{text-decoration:none}
.meta dl{display:grid;grid-template-columns:9rem 1fr;gap:.3rem 1rem;margin:0}
.meta dt{color:var(--muted)}.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
.hash{font-size:11.5px;word-break:break-all}
.events{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .4rem}
.events li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:0 .4rem;font-size:12.5px}
.tag{display:inline-block;font-size:11px;border:1px solid var(--line);border-radius:4px;padding:0 .3rem;color:var(--muted);background:var(--card);vertical-align:1px}
.tag.volatile{border-color:#d4a72c;color:var(--warn);background:var(--warn-bg)}
.cmd{display:flex;gap:.5rem;align-items:flex-start;background:#0d1117;color:#e6edf3;border-radius:6px;padding:.45rem .6rem;margin:.25rem 0}
.cmd code{flex:1;white-space:pre-wrap;word-break:break-all;color:inherit}
.copy{display:none;font:12px system-ui,sans-serif;border:1px solid #57606a;background:#21262d;color:#e6edf3;border-radius:5px;padding:.1rem .5rem;cursor:pointer}
.js .copy{display:inline-block}.copy.done{background:var(--pass);border-color:var(--pass)}
.areas ul{list-style:none;padding:0;margin:.75rem 0 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:.4rem}
.areas a{display:flex;flex-wrap:wrap;align-items:center;gap:.1rem .5rem;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.4rem .6rem;color:var(--fg)}
.areas a:hover{border-color:var(--accent);text-decoration:none}
.area-name{font-weight:600;text-transform:capitalize}.area-counts{color:var(--muted);font-size:12px;font-weight:400}
.sbar rect{shape-rendering:crispEdges}.bar-pass{fill:var(--pass)}.bar-fail{fill:var(--fail)}.bar-warn{fill:#d4a72c}.bar-skip{fill:#afb8c1}.bar-error{fill:var(--error)}
.c-pass{color:var(--pass)}.c-fail{color:var(--fail)}.c-warn{color:var(--warn)}.c-skip{color:var(--skip)}.c-error{color:var(--error)}
.toolbar{display:none}
.js .toolbar{display:flex;position:sticky;top:0;z-index:5;flex-wrap:wrap;gap:.5rem .75rem;align-items:center;background:var(--soft);border-bottom:1px solid var(--line);padding:.6rem 0;margin-top:.75rem}
.toolbar input[type=search]{flex:1 1 16rem;font:inherit;padding:.35rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--card)}
.toolbar select,.toolbar button{font:inherit;font-size:13px;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
.toolbar label{display:flex;gap:.3rem;align-items:center;font-size:13px}.toolbar button{cursor:pointer}
.toolbar .count{color:var(--muted);font-size:12.5px;margin-left:auto}
section.area,section.timing{margin-top:1.25rem}
section.area>h2,section.timing>h2{display:flex;align-items:center;gap:.75rem;font-size:1.15rem;padding:.3rem 0;border-bottom:2px solid var(--line);margin-bottom:.5rem}
.filtered{display:none}
details.check{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--skip);border-radius:8px;margin:.35rem 0}
details.check.st-pass{border-left-color:var(--pass)}details.check.st-fail{border-left-color:var(--fail)}details.check.st-warn{border-left-color:#d4a72c}details.check.st-error{border-left-color:var(--error)}
details.check,details.ex,section{scroll-margin-top:4.5rem}
details.check:target,details.check.target{box-shadow:0 0 0 3px rgba(9,105,218,.35)}
details.check>summary{cursor:pointer;list-style:none;display:flex;align-items:baseline;gap:.5rem;padding:.5rem .75rem;flex-wrap:wrap}
details.check>summary::-webkit-details-marker{display:none}
details.check>summary::before{content:"▸";color:var(--muted);width:.8rem;flex:none}details.check[open]>summary::before{content:"▾"}
.badge{display:inline-block;min-width:4.2rem;text-align:center;font-size:11.5px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:.05rem .4rem;flex:none}
.badge.st-pass{background:var(--pass-bg);color:var(--pass)}.badge.st-fail{background:var(--fail);color:#fff}.badge.st-warn{background:var(--warn-bg);color:var(--warn)}
.badge.st-skip{background:var(--skip-bg);color:var(--skip)}.badge.st-error{background:var(--error);color:#fff}
.id{font-weight:600;flex:none}
.lvl{font-size:10.5px;font-weight:700;border-radius:3px;padding:0 .3rem;border:1px solid;flex:none}
.lvl-MUST{color:#953800;border-color:#ffb77c}.lvl-SHOULD{color:#0550ae;border-color:#80ccff}.lvl-INFO{color:var(--skip);border-color:var(--line)}
.title{flex:1 1 20rem}.cmeta{color:var(--muted);font-size:12px;white-space:nowrap}
.perma{color:var(--muted);font-weight:700;visibility:hidden}summary:hover .perma{visibility:visible}
.check-body{padding:.1rem 1rem .8rem 2.1rem;border-top:1px solid var(--soft)}
.check-body h4{font-size:12.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.9rem 0 .3rem}
.rule{margin:.6rem 0;padding:.3rem .8rem;border-left:3px solid var(--line);color:#3d444d;background:var(--soft);border-radius:0 6px 6px 0}
.rule p{margin:0;font-style:italic}.rule p::before{content:"“"}.rule p::after{content:"”"}.rule cite{font-size:12px;color:var(--muted);font-style:normal}
.failure{background:var(--fail-bg);border:1px solid #ffcecb;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}
.st-warn .failure{background:var(--warn-bg);border-color:#eed888}
.failure .msg{margin:0 0 .3rem;font-weight:600;overflow-wrap:anywhere}
.failure dl{display:grid;grid-template-columns:5.5rem 1fr;gap:.2rem .75rem;margin:0}.failure dt{color:var(--muted)}.failure dd{margin:0;overflow-wrap:anywhere}
.received{font-family:var(--mono);font-size:12px;white-space:pre-wrap}
.reason{background:var(--skip-bg);border-radius:6px;padding:.4rem .7rem}.st-error .reason{background:var(--error-bg);color:var(--error)}
.warnings{margin:.4rem 0;padding-left:1.2rem;color:var(--warn)}.ok{color:var(--pass);margin:.5rem 0}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .65rem;overflow:auto;max-height:28rem;white-space:pre-wrap;word-break:break-word;margin:.3rem 0}
.json .k{color:#0550ae}.json .s{color:#0a3069}.json .n{color:#953800}.json .b{color:#8250df}
details.ex{border:1px solid var(--line);border-radius:6px;margin:.3rem 0;background:var(--card)}
details.ex>summary{cursor:pointer;padding:.25rem .6rem;font-family:var(--mono);font-size:12px}
details.ex[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
details.ex>.timing,details.ex>.xerr-msg{margin:.3rem .6rem;font-size:12px}
.seq{color:var(--muted)}.label{font-weight:600}
.http{font-weight:600}.s2xx{color:var(--pass)}.s4xx{color:var(--warn)}.s5xx,.none,.xerr{color:var(--fail)}.xerr{font-weight:600}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;padding:0 .6rem .5rem}
.cols>div{min-width:0}.cols h5{font-size:12px;margin:.4rem 0 .2rem;color:var(--muted);font-weight:600}.cols h5 code{color:var(--fg);word-break:break-all}
.hdrs{border-collapse:collapse;font-family:var(--mono);font-size:11.5px;width:100%}
.hdrs th{text-align:left;font-weight:600;color:#3d444d;padding:.05rem .5rem .05rem 0;white-space:nowrap;vertical-align:top;width:1%}
.hdrs td{word-break:break-all;padding:.05rem 0}
.redacted{color:var(--muted);font-style:italic}
.flow{border:1px dashed var(--line);border-radius:8px;padding:.4rem .7rem;margin:.4rem 0}
.flow h5{font-size:13px;font-weight:400}
.steps{list-style:none;margin:.3rem 0 0;padding:0 0 0 .4rem;border-left:2px solid var(--line)}
.steps>li{position:relative;padding:.2rem 0 .4rem .9rem}
.step-head{display:flex;gap:.5rem;align-items:center}
.step-n{position:absolute;left:-.75rem;top:.3rem;width:1.3rem;height:1.3rem;border-radius:50%;background:var(--accent);color:#fff;font-size:11px;font-weight:700;display:flex;align-items:center;justify-content:center}
.note{font-size:13px}
.changes{margin:.2rem 0;font-size:12px}.changes code{background:var(--soft);border-radius:3px;padding:0 .25rem;margin-right:.2rem}
details.state>summary{cursor:pointer;font-size:12px;color:var(--muted)}
.kept{font-size:12px;margin:.4rem 0 0}
table.lat{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;margin-top:.6rem}
table.lat th,table.lat td{padding:.3rem .6rem;border-bottom:1px solid var(--soft);text-align:left;vertical-align:middle}
table.lat th{font-size:12px;color:var(--muted);font-weight:600}.num{text-align:right!important;font-variant-numeric:tabular-nums;white-space:nowrap}
table.lat tr.over td{background:var(--fail-bg)}
.not-certified{margin:.35rem 0 0;color:var(--warn);overflow-wrap:anywhere}.coverage h3{font-size:13px;margin:.8rem 0 .3rem}
table.cov td{vertical-align:top}table.cov tr.missed td{background:var(--soft)}.cov-events{margin-top:.5rem}.cov-events>summary{cursor:pointer;color:var(--muted);font-size:12.5px}
.unexercised{margin:.2rem 0;padding-left:1.2rem;font-size:13px}.note-info{font-size:13px;margin:.3rem 0}
.chart{display:block;width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;margin-top:.4rem}
.hbar{fill:#54aeff}.chart .hbar{fill:#218bff}
.grid{stroke:#eaeef2}.axis-line{stroke:#8c959f}.axis{font:11px system-ui,sans-serif;fill:var(--muted)}
.budget{stroke:var(--fail);stroke-width:1.5;stroke-dasharray:3 2}.budget-label{font:10px system-ui,sans-serif;fill:var(--fail)}
.p50{fill:var(--pass)}.p95{fill:#bf8700}.max{fill:#57606a}.spark{display:block}.spark .hbar{fill:#218bff}
.legend{font-weight:400;margin-left:.5rem}.legend b{margin-left:.4rem;font-size:10px}
.k-p50{color:var(--pass)}.k-p95{color:#bf8700}.k-max{color:#57606a}.k-budget{color:var(--fail);font-size:12px!important}
footer{margin-top:2rem;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:.6rem}
@media screen and (max-width:800px){.top{grid-template-columns:1fr}.chips{justify-content:flex-start}.cols{grid-template-columns:1fr}.meta dl{grid-template-columns:1fr}}
@media print{
@page{margin:14mm 12mm}
html,body{background:#fff}body{max-width:none;padding:0;font-size:11px}code,.id{font-size:10.5px}
.toolbar,.copy,.perma,.kept{display:none!important}
.areas ul{grid-template-columns:repeat(4,1fr)}
.filtered{display:block!important}section.area.filtered{display:block!important}
.top,.meta,details.check,table.lat,.chart{border-color:#999;box-shadow:none!important}
.top{break-inside:avoid}
.cmd{background:none;color:#000;border:1px solid #999;padding:.2rem .4rem}
details.check{break-inside:avoid;margin:.15rem 0}
details.check>summary{padding:.2rem .5rem}details.check>summary::before,details.check[open]>summary::before{content:none}
.meta dl{grid-template-columns:7rem 1fr}
details.check:not(.st-fail):not(.st-error)>.check-body{display:none}
pre{max-height:none;font-size:10px}
details.ex>:not(summary),details.state,.check-body h4:has(+details.ex){display:none!important}
details.ex{border:none;margin:0}details.ex>summary{padding:0 .3rem;font-size:10px}details.ex>summary::marker{content:''}
section.area>h2{break-after:avoid}
a{color:inherit}
}
`;
