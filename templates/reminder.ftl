<#-- Automatic reminders, text part: members without a usable address (to the membership officer,
     or to the ombudsman for associations nobody could be told about), a board's feedback reminder,
     and the ombudsman's feedback summary. See templates/README.md for reminder.*. -->
<#import "layout.ftl" as l>
<#import "reminder-texts.ftl" as t>
<@l.top title=letter.subject/>
<#if reminder.purpose == "ADDRESSES" && reminder.members??>
<@wrap>
${reminder.count} av medlemmarna i ${reminder.association} saknar en e-postadress
som fungerar, så de får inga utskick från distriktet: varken medlemsbrevet
eller kallelser. Du får det här mejlet för ditt uppdrag i föreningen
(medlemsansvarig, eller ordförande när ingen medlemsansvarig kan nås).
</@wrap>

<@l.heading text="Medlemmar att rätta"/>
<#list reminder.members as m>
${m?counter}. ${m.name}, medlemsnummer ${m.number}
   E-post i registret: ${m.value!"(ingen)"} – ${m.status}
<#if m.problem??>
   Orsak: ${t.problem(m)}
</#if>
</#list>

<@l.heading text="Så rättar du"/>
1. Logga in i partiets medlemsregister:
   ${reminder.registerUrl}
2. Sök fram medlemmen på medlemsnumret.
3. Skriv in rätt e-postadress under kontaktuppgifterna och spara.
   Vet du inte adressen: ring eller fråga medlemmen.
4. Ändringen kommer med vid nästa import av registret; då får
   medlemmen utskicken igen. En adress som studsade räknas som
   rättad när den har ändrats i registret.

<#if recipient.association?? && recipient.pageUrl??>
Listan som den ser ut just nu, efter senaste importen (personlig länk):
${recipient.pageUrl}

</#if>
<#elseif reminder.purpose == "FEEDBACK">
<@wrap>
Vi har ännu inte fått er styrelses återkoppling på ${letter.subject?remove_beginning("Re: ")}.
<#if letter.feedback??>Sista dag att svara är ${letter.feedback.deadline}.</#if>
</@wrap>

<#if letter.feedback?? && letter.feedback.text?has_content>
<@l.heading text="Det vi frågade"/>
${letter.feedback.text}

</#if>
<@wrap>
Svara på det här mejlet<#if recipient.association??> – svaret räknas för ${recipient.association}</#if>.
Det räcker att en i styrelsen svarar. Har ni redan svarat, tack, och
bortse från den här påminnelsen.
</@wrap>
<#if recipient.association?? && recipient.pageUrl??>

Ni kan också svara på föreningens sida (personlig länk):
${recipient.pageUrl}
</#if>

<#else>
<#if reminder.purpose == "ADDRESSES">
<@wrap>
Påminnelserna om medlemmar utan fungerande e-postadress har gått ut.
Dessa föreningar kunde inte nås: varken en medlemsansvarig eller en
ordförande har en fungerande adress i registret. Hjälp dem att rätta.
</@wrap>

</#if>
<@l.items/>
</#if>
<@l.links/>
<@l.rule/>
<@wrap>
Det här är ett automatiskt meddelande från ${district.name}.
</@wrap>
