<#-- The board letter, text part. -->
<#import "layout.ftl" as l>
<#import "bank-news.ftl" as bank>
<@l.top title=letter.title/>
Här kommer månadens brev till styrelserna.<#if recipient.association??>
Du får det för ditt uppdrag i styrelsen för ${recipient.association}.</#if>

<@l.items/>
<@bank.section where="Materialet finns i materialbanken på er föreningssida (länken i det här brevet)."/>
<#if letter.feedback??>
<@l.heading text="Vi vill ha er återkoppling senast " + letter.feedback.deadline/>
<#if letter.feedback.text?has_content>
${letter.feedback.text}

</#if>
<@wrap>
Svara på detta mejl.<#if recipient.association??> Svaret räknas för ${recipient.association}.</#if>
Det räcker att en i styrelsen svarar.
</@wrap>

</#if>
<#if recipient.association?? && recipient.pageUrl??>
Föreningens sida (svara, skicka in arrangemang, dela material; personlig länk, dela den inte utanför styrelsen):
${recipient.pageUrl}

</#if>
<@l.links/>
<@l.rule/>
<@wrap>
Du får ${letter.title} eftersom du har ett styrelseuppdrag<#if recipient.association??>
i ${recipient.association}</#if>. Brevet går till alla föreningsstyrelser i distriktet;
har du lämnat uppdraget, svara på det här mejlet så rättar vi registret.
</@wrap>
