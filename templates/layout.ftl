<#-- Shared layout of the text part: written for reading as text. Headings underlined, paragraphs
     already wrapped at 72 columns by the Markdown renderer, links numbered and listed at the end. -->
<#macro heading text char="-">
${text}
${""?left_pad(text?length, char)}
</#macro>

<#macro top title>
${district.name?upper_case}
<@heading text=title + (letter.period??)?then(" – " + (letter.period!""), "") char="="/>

Hej ${recipient.firstName}!

</#macro>

<#macro items>
<#list letter.items as item>
<@heading text=item.heading/>
${item.text}

</#list>
</#macro>

<#macro links>
<#if letter.links?has_content>
<@heading text="Länkar"/>
<#list letter.links as url>
[${url?counter}] ${url}
</#list>

</#if>
</#macro>

<#macro rule>
------------------------------------------------------------------------
</#macro>
