<#-- The missing-address reminder's words for each address problem (reminder.members[].problem,
     see templates/README.md); {x} is replaced by the problem's detail. Imported by reminder.ftl
     and reminder.ftlh. -->
<#assign problems = {
  "missing": "ingen adress i registret",
  "space": "adressen innehåller ett mellanslag; ta bort det",
  "comma": "adressen innehåller komma eller semikolon (ett skrivfel för punkt, eller två adresser i samma fält); behåll en adress",
  "no_at": "adressen saknar @; skriv den som namn@domän",
  "two_at": "adressen har mer än ett @; behåll en adress",
  "empty_local": "det står inget före @",
  "long_local": "delen före @ är längre än 64 tecken",
  "dots_local": "namnet före @ börjar eller slutar med punkt, eller har två punkter i rad",
  "bad_char_local": "delen före @ innehåller ”{x}”, som många e-postservrar inte tar emot (bara a–z, 0–9 och . _ - + är säkra)",
  "empty_domain": "det står inget efter @",
  "bad_idn": "domänen efter @ är inget giltigt domännamn",
  "long_domain": "domänen efter @ är längre än 253 tecken",
  "dots_domain": "domänen efter @ börjar eller slutar med punkt, eller har två punkter i rad",
  "no_dot": "domänen efter @ saknar punkt (som i namn@exempel.se)",
  "bad_label": "domänen efter @ har delen ”{x}”, som inte är ett giltigt namn",
  "bad_char_domain": "domänen efter @ innehåller ”{x}”",
  "bad_tld": "domänen slutar på ”{x}”, som inte är någon toppdomän (som .se eller .com)",
  "refused": "mottagarens e-postserver tog inte emot adressen (serverns svar: {x})",
  "hard_bounce": "breven kommer tillbaka: mottagarens e-postserver säger att adressen inte finns (serverns svar: {x})",
  "soft_bounces": "breven har kommit tillbaka flera gånger i rad (senaste svaret: {x})",
  "other": "{x}"
}>
<#function problem m>
  <#if !(m.problem??)><#return ""></#if>
  <#return (problems[m.problem]!problems["other"])?replace("{x}", m.detail!"")>
</#function>
