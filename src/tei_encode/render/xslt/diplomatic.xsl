<?xml version="1.0" encoding="UTF-8"?>
<!-- Diplomatic view: the text as the document shows it. Deletions struck through, insertions
     raised or lowered where the source puts them, original spellings and abbreviations,
     page breaks, catchwords, stamps and registration lines as visible, set-apart marks. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:import href="text.xsl"/>
  <xsl:param name="view" select="'diplomatic'"/>
  <xsl:param name="label" select="'Diplomatic view'"/>
  <xsl:param name="prefix" select="'d-'"/>

  <xsl:template match="tei:del">
    <del class="del {@rend}" title="deleted"><xsl:apply-templates/></del>
  </xsl:template>
  <xsl:template match="tei:add">
    <ins class="add {@place}">
      <xsl:attribute name="title">
        <xsl:text>added</xsl:text>
        <xsl:if test="@place"><xsl:value-of select="concat(' ', @place)"/></xsl:if>
      </xsl:attribute>
      <xsl:apply-templates/>
    </ins>
  </xsl:template>
  <xsl:template match="tei:choice">
    <xsl:variable name="shown" select="(tei:orig | tei:abbr | tei:sic)[1]"/>
    <span class="choice" title="{normalize-space((tei:reg | tei:expan | tei:corr)[1])}">
      <xsl:choose>
        <xsl:when test="$shown"><xsl:apply-templates select="$shown"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="*[1]"/></xsl:otherwise>
      </xsl:choose>
    </span>
    <!-- note anchors the editors put into the regular reading stay reachable -->
    <xsl:apply-templates select="*[not(count(. | $shown) = 1)]//tei:ref[@type='noteAnchor']"/>
  </xsl:template>
  <xsl:template match="tei:space"><span class="space" title="blank space"><xsl:text> </xsl:text></span></xsl:template>
  <xsl:template match="tei:metamark"><span class="metamark"><xsl:apply-templates/></span></xsl:template>
</xsl:stylesheet>
