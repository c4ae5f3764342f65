<?xml version="1.0" encoding="UTF-8"?>
<!-- The transcriptions of a document that has several (a copy and a draft, say), each as written:
     its own deletions struck through and insertions raised, as in the diplomatic view. One
     <div class="witness-source"> per transcription, labelled from its @subtype and @n. The page
     assembly collates them, pairs the blocks both have and marks the words in which they differ. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:import href="diplomatic.xsl"/>
  <xsl:param name="prefix" select="'w-'"/>

  <xsl:template match="/">
    <div class="witness-sources">
      <xsl:for-each select="//tei:text//tei:div[@type='transcription' or @type='witness' or @type='version']">
        <div class="witness-source">
          <xsl:call-template name="lang"/>
          <xsl:attribute name="data-label"><xsl:call-template name="witness-label"/></xsl:attribute>
          <xsl:apply-templates select="node()[not(self::tei:head)]"/>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>
</xsl:stylesheet>
