<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading view: the corrected text. Deletions are left out, insertions and regularised or
     expanded readings stand in place, page furniture is dropped but page breaks are marked,
     people and places link to their entries in the index pages, dates give their normalised
     value as a tooltip, and the abstract follows as a summary. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:import href="text.xsl"/>

  <xsl:template match="tei:del|tei:surplus|tei:fw|tei:space|tei:metamark"/>
  <xsl:template match="tei:add|tei:reg|tei:expan|tei:corr|tei:orig|tei:abbr|tei:sic"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:choice">
    <xsl:variable name="chosen" select="(tei:reg | tei:expan | tei:corr)[1]"/>
    <xsl:choose>
      <xsl:when test="$chosen"><xsl:apply-templates select="$chosen"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*[1]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a line break inside running text is a space of the reading text (none inside a word) -->
  <xsl:template match="tei:lb[ancestor::tei:p or ancestor::tei:head or ancestor::tei:item]">
    <xsl:if test="not(@break='no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:persName|tei:placeName|tei:orgName|tei:rs|tei:name">
    <xsl:variable name="id"><xsl:call-template name="entry-id"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($id)">
        <a class="entity {local-name()}">
          <xsl:attribute name="href"><xsl:call-template name="entry-page"/>#<xsl:value-of select="$id"/></xsl:attribute>
          <xsl:call-template name="entry-title"><xsl:with-param name="id" select="$id"/></xsl:call-template>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the normalised value on demand: in the title (a tooltip), not in the text -->
  <xsl:template match="tei:date|tei:time">
    <xsl:choose>
      <xsl:when test="@when | @when-iso">
        <time datetime="{(@when | @when-iso)[1]}"><xsl:call-template name="date-title"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date"><xsl:call-template name="date-title"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="extra">
    <xsl:for-each select="/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract">
      <section class="abstract" aria-labelledby="abstract-title">
        <xsl:call-template name="lang"/>
        <h2 id="abstract-title">Summary</h2>
        <xsl:apply-templates/>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
