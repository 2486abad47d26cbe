<?xml version="1.0" encoding="UTF-8"?>
<!-- Titik panas yang muncul (Emerging Hot Spot); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>titik-panas-muncul</Name>
    <UserStyle>
      <Title>Titik panas yang muncul (Emerging Hot Spot)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>Titik panas menguat</Name>
          <Title>Titik panas menguat</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_menguat</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#67000d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas menetap</Name>
          <Title>Titik panas menetap</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_menetap</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#a50f15</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas berturut-turut</Name>
          <Title>Titik panas berturut-turut</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_berturut</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#cb181d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas baru</Name>
          <Title>Titik panas baru</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_baru</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#ef3b2c</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas berosilasi</Name>
          <Title>Titik panas berosilasi</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_berosilasi</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fb6a4a</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas sporadis</Name>
          <Title>Titik panas sporadis</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_sporadis</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fc9272</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas melemah</Name>
          <Title>Titik panas melemah</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_melemah</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fcbba1</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas historis</Name>
          <Title>Titik panas historis</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_panas_historis</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fee0d2</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin menguat</Name>
          <Title>Titik dingin menguat</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_menguat</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#08306b</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin menetap</Name>
          <Title>Titik dingin menetap</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_menetap</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#08519c</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin berturut-turut</Name>
          <Title>Titik dingin berturut-turut</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_berturut</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#2171b5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin baru</Name>
          <Title>Titik dingin baru</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_baru</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#4292c6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin berosilasi</Name>
          <Title>Titik dingin berosilasi</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_berosilasi</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6baed6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin sporadis</Name>
          <Title>Titik dingin sporadis</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_sporadis</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#9ecae1</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin melemah</Name>
          <Title>Titik dingin melemah</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_melemah</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#c6dbef</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin historis</Name>
          <Title>Titik dingin historis</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>titik_dingin_historis</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#deebf7</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tanpa pola</Name>
          <Title>Tanpa pola</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>pola_titik_panas</ogc:PropertyName><ogc:Literal>tanpa_pola</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#e8e4da</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
