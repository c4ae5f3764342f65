<?xml version="1.0" encoding="UTF-8"?>
<!-- The transcriptions of a document that has several (a copy and a draft, say), each in its
     reading text, one <div class="witness-source"> per transcription. The page assembly aligns
     them paragraph by paragraph and marks the words in which they differ. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:import href="reading.xsl"/>
  <xsl:param name="prefix" select="'w-'"/>

  <xsl:template match="/">
    <div class="witness-sources">
      <xsl:for-each select="//tei:text//tei:div[@type='transcription' or @type='witness' or @type='version']">
        <div class="witness-source">
          <xsl:call-template name="lang"/>
          <xsl:attribute name="data-label">
            <xsl:choose>
              <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head[1])"/></xsl:when>
              <xsl:otherwise>Transcription<xsl:if test="@n"><xsl:value-of select="concat(' ', @n)"/></xsl:if></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:apply-templates select="node()[not(self::tei:head)]"/>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>
</xsl:stylesheet>
