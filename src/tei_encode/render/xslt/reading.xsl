<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading view: the corrected text of a TEI document as HTML5.
     Deletions are left out, insertions and regularised readings stand in place,
     people and places carry their canonical names, dates their ISO values,
     notes are numbered footnotes linked both ways. Elements this stylesheet
     does not know pass their text through, so any TEI P5 file renders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="'style.css'"/>
  <xsl:param name="index" select="'index.html'"/>

  <xsl:key name="entry" match="tei:person|tei:place|tei:org" use="@xml:id"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{(/tei:TEI/@xml:lang | /*/@xml:lang)[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></title>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body class="reading">
        <nav><a href="{$index}">Index</a></nav>
        <main>
          <header>
            <h1><xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></h1>
            <xsl:apply-templates select="//tei:sourceDesc" mode="meta"/>
          </header>
          <xsl:apply-templates select="//tei:text"/>
          <xsl:apply-templates select="//tei:profileDesc/tei:abstract" mode="meta"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:sourceDesc" mode="meta">
    <dl class="source">
      <xsl:for-each select="tei:bibl">
        <dt><xsl:value-of select="(@n | @type)[1]"/></dt>
        <dd><xsl:apply-templates/></dd>
      </xsl:for-each>
      <xsl:for-each select="tei:msDesc/tei:msIdentifier[tei:repository]">
        <dt>Archive</dt>
        <dd class="ms-identifier">
          <xsl:for-each select="tei:repository | tei:idno">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:if test="@type"><xsl:value-of select="@type"/><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:template match="tei:abstract" mode="meta">
    <section class="abstract">
      <h2><xsl:choose><xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when><xsl:otherwise>Summary</xsl:otherwise></xsl:choose></h2>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:text">
    <xsl:apply-templates/>
    <xsl:if test="not(tei:back//tei:note[@place='end'])">
      <xsl:call-template name="footnotes"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:front">
    <section class="front"><xsl:apply-templates/></section>
  </xsl:template>
  <xsl:template match="tei:docTitle"><h2 class="doc-title"><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:titlePart"><span class="title-part {@type}"><xsl:apply-templates/></span><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:docDate"><p class="doc-date"><xsl:apply-templates/></p></xsl:template>

  <xsl:template match="tei:body"><section class="body"><xsl:apply-templates/></section></xsl:template>

  <xsl:template match="tei:div">
    <section class="div {@type}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
      <xsl:if test="@type='transcription'">
        <h2>Transcription <xsl:value-of select="@n"/></h2>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head"><h3><xsl:apply-templates/></h3></xsl:template>
  <xsl:template match="tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:opener|tei:closer"><div class="{local-name()}"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:address"><address><xsl:apply-templates/></address></xsl:template>
  <xsl:template match="tei:addrLine"><span class="line"><xsl:apply-templates/></span><br/></xsl:template>
  <xsl:template match="tei:salute|tei:dateline|tei:signed|tei:seg|tei:ab">
    <p class="{local-name()} {@type}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:stamp"><span class="stamp"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:opener/tei:stamp|tei:closer/tei:stamp"><p class="stamp"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:fw[@type='catchword']"/>
  <xsl:template match="tei:fw"/>
  <xsl:template match="tei:pb"/>
  <xsl:template match="tei:lb"><br/></xsl:template>

  <xsl:template match="tei:note[@type]">
    <p class="note {@type}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:del"/>
  <xsl:template match="tei:add"><span class="add"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:choice"><xsl:apply-templates select="(tei:reg | tei:expan | tei:corr)[1]"/></xsl:template>
  <xsl:template match="tei:reg|tei:expan|tei:corr"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:supplied"><span class="supplied" title="supplied by the editors"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:gap"><span class="gap" title="omitted"><xsl:value-of select="tei:desc"/></span></xsl:template>
  <xsl:template match="tei:hi"><span class="hi {@rend}"><xsl:apply-templates/></span></xsl:template>

  <xsl:template match="tei:persName|tei:placeName|tei:orgName">
    <xsl:variable name="entry" select="key('entry', substring-after(@ref, '#'))"/>
    <span class="{local-name()}">
      <xsl:if test="$entry">
        <xsl:attribute name="title">
          <xsl:value-of select="normalize-space(($entry/*[@type='main'] | $entry/*[1])[1])"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:date">
    <time>
      <xsl:attribute name="datetime"><xsl:value-of select="(@when | @notBefore)[1]"/></xsl:attribute>
      <xsl:attribute name="title">
        <xsl:choose>
          <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(@notBefore, ' – ', @notAfter)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates/>
    </time>
  </xsl:template>

  <xsl:template match="tei:idno"><span class="idno {@type}"><xsl:apply-templates/></span></xsl:template>

  <xsl:template match="tei:ref[@type='noteAnchor']">
    <a class="noteref" id="{@xml:id}" href="{@target}"><sup><xsl:value-of select="."/></sup></a>
  </xsl:template>
  <xsl:template match="tei:ref[@target and not(@type='noteAnchor')]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:back"><xsl:call-template name="footnotes"/></xsl:template>

  <xsl:template name="footnotes">
    <xsl:if test="//tei:back//tei:note[@place='end']">
      <section class="footnotes">
        <h2><xsl:value-of select="(//tei:back/tei:div[@type='notes']/@n)[1]"/></h2>
        <ol>
          <xsl:for-each select="//tei:back//tei:note[@place='end']">
            <li id="{@xml:id}" value="{@n}">
              <xsl:apply-templates/>
              <xsl:if test="@target">
                <xsl:text> </xsl:text>
                <a class="back" href="{substring-before(concat(@target, ' '), ' ')}" aria-label="back to the text">↩</a>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note[@place='end']/tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:label"><span class="label"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:teiHeader|tei:standOff"/>
  <xsl:template match="tei:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
