<?xml version="1.0" encoding="UTF-8"?>
<!-- The shared core of the document views: the structure of a TEI text as HTML5 fragments.
     diplomatic.xsl and reading.xsl import it and override what differs between the views
     (corrections, page breaks, names, dates). The result is one <div class="rendered"> whose
     children the page assembly places in <main>. Elements this stylesheet does not know pass
     their text through, so TEI of any project renders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!-- which view this is (also the id of its section), a prefix for the ids it makes,
       and the index pages names link to -->
  <xsl:param name="view" select="'reading'"/>
  <xsl:param name="label" select="'Reading view'"/>
  <xsl:param name="prefix" select="''"/>
  <xsl:param name="people" select="'people.html'"/>
  <xsl:param name="places" select="'places.html'"/>

  <!-- characters of @key replaced so that the key can be a fragment identifier (kept in step
       with render.summary.UNSAFE_KEY_CHARACTERS) -->
  <xsl:variable name="unsafe"> #%?/\"&lt;&gt;'()[]{}|^`</xsl:variable>
  <xsl:variable name="safe">____________________</xsl:variable>

  <!-- one key for every id (a register entry is found by it too): libxslt walks the whole document once for
       each key it indexes -->
  <xsl:key name="by-id" match="*[@xml:id]" use="@xml:id"/>

  <!-- notes rendered as numbered footnotes: notes placed at the end, and notes inside running text
       (the same condition as the match pattern of the note-reference template below) -->
  <xsl:variable name="footnotes"
      select="//tei:text//tei:note[@place='end' or (not(@place='end') and (ancestor::tei:p or ancestor::tei:ab
              or ancestor::tei:l or ancestor::tei:head or ancestor::tei:item or ancestor::tei:cell
              or ancestor::tei:seg or ancestor::tei:hi or ancestor::tei:note))]"/>

  <xsl:template match="/">
    <div class="rendered">
      <section class="view {$view}" id="{$view}" aria-labelledby="{$view}-title">
        <xsl:call-template name="lang">
          <xsl:with-param name="value" select="(/tei:TEI/@xml:lang | /tei:teiCorpus/@xml:lang)[1]"/>
        </xsl:call-template>
        <h2 class="view-title" id="{$view}-title"><xsl:value-of select="$label"/></h2>
        <xsl:apply-templates select="//tei:text[not(ancestor::tei:text)]"/>
        <xsl:call-template name="footnote-list"/>
      </section>
      <xsl:call-template name="extra"/>
    </div>
  </xsl:template>

  <!-- what a view adds after its section (the reading view: the abstract) -->
  <xsl:template name="extra"/>

  <xsl:template name="lang">
    <xsl:param name="value" select="@xml:lang"/>
    <xsl:if test="string($value)"><xsl:attribute name="lang"><xsl:value-of select="$value"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- structure -->
  <xsl:template match="tei:text">
    <div class="text"><xsl:call-template name="lang"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:group"><div class="group"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:front|tei:body|tei:back">
    <div class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:docTitle"><p class="doc-title"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:titlePart"><span class="title-part {@type}"><xsl:apply-templates/></span><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:docDate|tei:docAuthor|tei:byline|tei:docImprint">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:div">
    <xsl:variable name="level" select="count(ancestor-or-self::tei:div) + 2"/>
    <section class="div {@type}">
      <xsl:call-template name="lang"/>
      <xsl:choose>
        <xsl:when test="tei:head">
          <xsl:element name="h{$level - ($level - 6) * ($level &gt; 6)}">
            <xsl:apply-templates select="tei:head[1]/node()"/>
          </xsl:element>
        </xsl:when>
        <xsl:when test="@type='transcription' or @type='witness' or @type='version'">
          <xsl:element name="h{$level - ($level - 6) * ($level &gt; 6)}">
            <xsl:call-template name="witness-label"/>
          </xsl:element>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="node()[not(self::tei:head and count(preceding-sibling::tei:head) = 0)]"/>
    </section>
  </xsl:template>
  <!-- a div of end notes only: they are listed with the footnotes -->
  <xsl:template match="tei:div[tei:note[@place='end'] and not(*[not(self::tei:note[@place='end'] or self::tei:head)])]"/>

  <!-- the name of one transcription of a text: its head, else its kind (@subtype) and number -->
  <xsl:template name="witness-label">
    <xsl:choose>
      <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head[1])"/></xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="@subtype='typed-copy'">Typed copy</xsl:when>
          <xsl:when test="@subtype='copy'">Copy</xsl:when>
          <xsl:when test="@subtype='draft'">Draft</xsl:when>
          <xsl:when test="@subtype">
            <xsl:value-of select="concat(translate(substring(@subtype, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
                                         translate(substring(@subtype, 2), '-_', '  '))"/>
          </xsl:when>
          <xsl:otherwise>Transcription</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@n">
          <xsl:if test="@subtype"> (transcription </xsl:if>
          <xsl:if test="not(@subtype)"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="@n"/>
          <xsl:if test="@subtype">)</xsl:if>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:head"><p class="head"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:p"><p><xsl:call-template name="lang"/><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:opener|tei:closer|tei:postscript|tei:epigraph|tei:argument|tei:trailer|tei:div1|tei:div2|tei:div3|tei:floatingText|tei:printedheader">
    <div class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:address"><div class="address"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:addrLine|tei:l"><span class="line"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:lg"><div class="lg"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:salute|tei:dateline|tei:signed|tei:ab">
    <p class="{local-name()} {@type}"><xsl:call-template name="lang"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:seg"><span class="seg {@type}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:seg[parent::tei:opener or parent::tei:closer or parent::tei:div or parent::tei:body]">
    <p class="seg {@type}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:stamp"><span class="stamp"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:stamp[parent::tei:opener or parent::tei:closer or parent::tei:div or parent::tei:body]">
    <p class="stamp-line"><span class="stamp"><xsl:apply-templates/></span></p>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:choose>
      <xsl:when test="@type='ordered' or @rend='numbered'"><ol><xsl:apply-templates/></ol></xsl:when>
      <xsl:otherwise><ul><xsl:apply-templates/></ul></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:list/tei:head"><li class="head"><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:list/tei:label"><li class="label"><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:table"><table class="tei"><xsl:apply-templates select="tei:row"/></table></xsl:template>
  <xsl:template match="tei:row"><tr><xsl:apply-templates select="tei:cell"/></tr></xsl:template>
  <xsl:template match="tei:cell">
    <td>
      <xsl:if test="@cols"><xsl:attribute name="colspan"><xsl:value-of select="@cols"/></xsl:attribute></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan"><xsl:value-of select="@rows"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </td>
  </xsl:template>
  <xsl:template match="tei:figure"><div class="figure"><xsl:apply-templates select="tei:head | tei:p | tei:figDesc"/></div></xsl:template>
  <xsl:template match="tei:figDesc"><p class="fig-desc"><xsl:apply-templates/></p></xsl:template>

  <!-- phrases -->
  <xsl:template match="tei:hi"><span class="hi {@rend}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:emph"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:foreign|tei:q|tei:quote|tei:said|tei:term|tei:mentioned|tei:soCalled|tei:label|tei:num|tei:measure|tei:unclear|tei:damage|tei:surplus|tei:sic|tei:orig|tei:abbr|tei:reg|tei:expan|tei:corr|tei:ex|tei:am">
    <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:title"><cite><xsl:apply-templates/></cite></xsl:template>
  <xsl:template match="tei:idno"><span class="idno {@type}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <!-- the break that opens a block is the block's own start -->
  <xsl:template match="tei:lb[not(preceding-sibling::node()[self::* or normalize-space()])]"/>
  <xsl:template match="tei:cb|tei:milestone|tei:space|tei:metamark|tei:handShift|tei:figure/tei:graphic|tei:graphic"/>
  <xsl:template match="tei:anchor[@xml:id]"><span id="{$prefix}{@xml:id}"/></xsl:template>
  <xsl:template match="tei:pb">
    <span class="pb">
      <xsl:choose>
        <xsl:when test="@n">page <xsl:value-of select="@n"/></xsl:when>
        <xsl:otherwise>page break</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:template match="tei:fw"><span class="fw {@type}"><xsl:apply-templates/></span></xsl:template>

  <!-- editorial brackets: kept when the text has them, added when it does not -->
  <xsl:template match="tei:supplied">
    <xsl:variable name="bracketed" select="substring(normalize-space(preceding::text()[1]), string-length(normalize-space(preceding::text()[1]))) = '['
                                            and starts-with(normalize-space(following::text()[1]), ']')"/>
    <span class="supplied" title="supplied by the editors">
      <xsl:if test="not($bracketed)">[</xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="not($bracketed)">]</xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:gap">
    <span class="gap">
      <xsl:attribute name="title">
        <xsl:text>omitted</xsl:text>
        <xsl:if test="@reason"><xsl:value-of select="concat(': ', @reason)"/></xsl:if>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
        <xsl:otherwise>[…]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- names: the canonical name and authority of their register entry on hover and focus -->
  <xsl:template match="tei:persName|tei:placeName|tei:orgName|tei:rs|tei:name">
    <span class="{local-name()}">
      <xsl:call-template name="entry-title"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template name="entry-id">
    <xsl:choose>
      <xsl:when test="starts-with(normalize-space(@ref), '#')">
        <xsl:value-of select="substring-before(concat(substring(normalize-space(@ref), 2), ' '), ' ')"/>
      </xsl:when>
      <xsl:when test="normalize-space(@key)">
        <xsl:value-of select="concat('key-', translate(normalize-space(@key), $unsafe, $safe))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="entry-page">
    <xsl:choose>
      <xsl:when test="self::tei:placeName or @type='place'"><xsl:value-of select="$places"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$people"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- id: the name's entry-id, when the caller has it already -->
  <xsl:template name="entry-title">
    <xsl:param name="id"><xsl:call-template name="entry-id"/></xsl:param>
    <xsl:variable name="entry" select="key('by-id', $id)[self::tei:person or self::tei:place or self::tei:org or self::tei:personGrp][1]"/>
    <xsl:variable name="names" select="$entry/*[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name]"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <xsl:attribute name="title">
          <xsl:choose>
            <xsl:when test="$names[@type='main']"><xsl:value-of select="normalize-space($names[@type='main'][1])"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($names[1])"/></xsl:otherwise>
          </xsl:choose>
          <xsl:for-each select="$entry/tei:idno[@type='URI'] | $entry/@sameAs">
            <xsl:text> · </xsl:text><xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="normalize-space(@key)">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space(@key)"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:date|tei:time">
    <span class="date">
      <xsl:call-template name="date-title"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- the normalised value of a date: @when, or the range its other attributes give -->
  <xsl:template name="date-value">
    <xsl:choose>
      <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
      <xsl:when test="@when-iso"><xsl:value-of select="@when-iso"/></xsl:when>
      <xsl:when test="@notBefore or @notAfter or @from or @to">
        <xsl:value-of select="(@notBefore | @from)[1]"/>
        <xsl:text>–</xsl:text>
        <xsl:value-of select="(@notAfter | @to)[1]"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="date-title">
    <xsl:variable name="value"><xsl:call-template name="date-value"/></xsl:variable>
    <xsl:if test="string($value)"><xsl:attribute name="title"><xsl:value-of select="$value"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- notes -->
  <xsl:template match="tei:note">
    <p class="note {@type}"><xsl:call-template name="lang"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:note[@place='end']"/>
  <xsl:template match="tei:note[not(@place='end')][ancestor::tei:p or ancestor::tei:ab or ancestor::tei:l
                       or ancestor::tei:head or ancestor::tei:item or ancestor::tei:cell or ancestor::tei:seg
                       or ancestor::tei:hi or ancestor::tei:note]">
    <xsl:variable name="n"><xsl:call-template name="footnote-number"/></xsl:variable>
    <a class="noteref" id="{$prefix}fnref-{$n}" aria-label="note {$n}">
      <xsl:attribute name="href">#<xsl:call-template name="footnote-id"/></xsl:attribute>
      <sup><xsl:value-of select="$n"/></sup>
    </a>
  </xsl:template>
  <xsl:template match="tei:ref[@type='noteAnchor' and starts-with(@target, '#')]">
    <a class="noteref" aria-label="note {normalize-space(.)}" href="#{$prefix}{substring(@target, 2)}">
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="concat($prefix, @xml:id)"/></xsl:attribute></xsl:if>
      <sup><xsl:value-of select="normalize-space(.)"/></sup>
    </a>
  </xsl:template>
  <xsl:template match="tei:ref|tei:ptr">
    <xsl:variable name="target" select="substring-before(concat(normalize-space(@target), ' '), ' ')"/>
    <xsl:variable name="note" select="key('by-id', substring($target, 2))[self::tei:note]"/>
    <xsl:choose>
      <xsl:when test="starts-with($target, 'http://') or starts-with($target, 'https://')">
        <a href="{$target}"><xsl:apply-templates/><xsl:if test="not(normalize-space(.))"><xsl:value-of select="$target"/></xsl:if></a>
      </xsl:when>
      <!-- another TEI file of the edition (an index of letters listing them): its page -->
      <xsl:when test="substring($target, string-length($target) - 3) = '.xml' and not(contains($target, ':'))
                      and not(contains($target, '#'))">
        <a href="{substring($target, 1, string-length($target) - 4)}.html"><xsl:apply-templates/><xsl:if test="not(normalize-space(.))"><xsl:value-of select="$target"/></xsl:if></a>
      </xsl:when>
      <xsl:when test="starts-with($target, '#') and count($note | $footnotes) = count($footnotes)">
        <a href="#{$prefix}{substring($target, 2)}"><xsl:apply-templates/><xsl:if test="not(normalize-space(.))">note</xsl:if></a>
      </xsl:when>
      <xsl:otherwise><span class="ref {@type}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="footnote-number">
    <xsl:choose>
      <xsl:when test="@place='end' and @n"><xsl:value-of select="@n"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count((preceding::tei:note | ancestor::tei:note)[count(. | $footnotes) = count($footnotes)]) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="footnote-id">
    <xsl:value-of select="$prefix"/>
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise>fn-<xsl:call-template name="footnote-number"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="footnote-list">
    <xsl:if test="$footnotes">
      <section class="footnotes" aria-labelledby="{$prefix}notes-title">
        <h3 id="{$prefix}notes-title">Notes</h3>
        <ol>
          <xsl:for-each select="$footnotes">
            <xsl:variable name="n"><xsl:call-template name="footnote-number"/></xsl:variable>
            <xsl:variable name="anchor">
              <xsl:choose>
                <xsl:when test="not(@place='end')"><xsl:value-of select="concat($prefix, 'fnref-', $n)"/></xsl:when>
                <xsl:when test="key('by-id', substring-before(concat(substring(normalize-space(@target), 2), ' '), ' '))[self::tei:ref[@type='noteAnchor']]">
                  <xsl:value-of select="concat($prefix, substring-before(concat(substring(normalize-space(@target), 2), ' '), ' '))"/>
                </xsl:when>
                <xsl:when test="@xml:id and //tei:ref[@type='noteAnchor'][@target=concat('#', current()/@xml:id)][@xml:id]">
                  <xsl:value-of select="concat($prefix, //tei:ref[@type='noteAnchor'][@target=concat('#', current()/@xml:id)][@xml:id][1]/@xml:id)"/>
                </xsl:when>
              </xsl:choose>
            </xsl:variable>
            <li>
              <xsl:attribute name="id"><xsl:call-template name="footnote-id"/></xsl:attribute>
              <xsl:call-template name="lang"/>
              <xsl:if test="not(.//tei:label)"><span class="label"><xsl:value-of select="$n"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates/>
              <xsl:if test="string($anchor)">
                <xsl:text> </xsl:text>
                <a class="back" href="#{$anchor}" aria-label="back to the text of note {$n}">↩</a>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:note/tei:p"><span class="note-p"><xsl:apply-templates/></span></xsl:template>

  <xsl:template match="tei:teiHeader|tei:standOff|tei:facsimile|tei:sourceDoc"/>
  <xsl:template match="tei:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
