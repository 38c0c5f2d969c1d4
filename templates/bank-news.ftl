<#-- "Nytt i materialbanken", text part: material approved since the last letter of the same kind.
     letter.bank is absent when nothing is new; then the section is left out. -->
<#import "layout.ftl" as l>
<#assign kinds = {"DEBATTARTIKEL": "Debattartikel", "MOTION": "Motion", "FLYGBLAD": "Flygblad", "ANNAT": "Material"}>
<#macro section where>
<#if letter.bank??>
<@l.heading text="Nytt i materialbanken"/>
<#list letter.bank as m>
* ${m.title}
  ${kinds[m.kind]!"Material"} från <#if m.association??>${m.association}<#else>${district.name}</#if>
</#list>

<@wrap>
${where}
</@wrap>

</#if>
</#macro>
