<?xml version="1.0" encoding="UTF-8"?>
<!-- Titik panas/dingin Getis-Ord Gi*; dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>gi-bin</Name>
    <UserStyle>
      <Title>Titik panas/dingin Getis-Ord Gi*</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>Titik panas, 99%</Name>
          <Title>Titik panas, 99%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#b2182b</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas, 95%</Name>
          <Title>Titik panas, 95%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#ef8a62</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik panas, 90%</Name>
          <Title>Titik panas, 90%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fddbc7</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tidak signifikan</Name>
          <Title>Tidak signifikan</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#e8e4da</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin, 90%</Name>
          <Title>Titik dingin, 90%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>-1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d1e5f0</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin, 95%</Name>
          <Title>Titik dingin, 95%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>-2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#67a9cf</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Titik dingin, 99%</Name>
          <Title>Titik dingin, 99%</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>gi_bin</ogc:PropertyName><ogc:Literal>-3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#2166ac</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tanpa data</Name>
          <Title>Tanpa data</Title>
          <ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>gi_bin</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
