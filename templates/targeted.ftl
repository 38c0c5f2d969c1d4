<#-- A targeted mailing, text part. -->
<#import "layout.ftl" as l>
<@l.top title=letter.subject/>
<@l.items/>
<#if letter.feedback??>
<@l.heading text="Vi vill ha er återkoppling senast " + letter.feedback.deadline/>
<#if letter.feedback.text?has_content>
${letter.feedback.text}

</#if>
Svara på detta mejl.<#if recipient.association??> Svaret räknas för ${recipient.association}.</#if>

</#if>
<#if recipient.association?? && recipient.pageUrl??>
Föreningens sida (svara, skicka in arrangemang, dela material; personlig länk, dela den inte utanför styrelsen):
${recipient.pageUrl}

</#if>
<@l.links/>
<@l.rule/>
<@wrap>
Du får det här utskicket eftersom det går till ${letter.audience?uncap_first}.
</@wrap>
