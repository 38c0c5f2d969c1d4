<#-- The members' letter, text part. -->
<#import "layout.ftl" as l>
<#import "bank-news.ftl" as bank>
<@l.top title=letter.title/>
Här kommer månadens nyheter och arrangemang från distriktet.
<#if letter.webUrl??>
Läs brevet i webbläsaren (lösenordet står längre ner):
${letter.webUrl}
</#if>

<@l.items/>
<#if letter.events?has_content>
<@l.heading text="På gång i distriktet"/>
<#list letter.events as e>
* ${e.title}
  ${e.when?cap_first}
  ${e.place}
  Arrangör: <#if e.association??>${e.association}<#else>${district.name}</#if>
<#if e.description?has_content>
${e.descriptionText}
</#if>

</#list>
</#if>
<@bank.section where="Materialet finns i distriktets materialbank. Styrelserna når den från sin föreningssida; be din förening om det du vill använda."/>
<#if letter.password??>
Lösenord till medlemssidorna: ${letter.password}
Sidorna finns på ${letter.websiteUrl}
Lösenordet är bara för medlemmar – dela det inte vidare.

</#if>
<@l.links/>
<@l.rule/>
<@wrap>
Du får ${letter.title} eftersom du är medlem i ${district.name}<#if recipient.association??>
och ${recipient.association}</#if>. Brev till dig som sitter i en styrelse påverkas inte
om du avregistrerar dig från medlemsbrevet.
</@wrap>

Avregistrera dig från medlemsbrevet:
${recipient.unsubscribeUrl}
