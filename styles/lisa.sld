<?xml version="1.0" encoding="UTF-8"?>
<!-- Klaster LISA (Moran lokal); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>lisa</Name>
    <UserStyle>
      <Title>Klaster LISA (Moran lokal)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>Tinggi–tinggi (HH)</Name>
          <Title>Tinggi–tinggi (HH)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>HH</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d7191c</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Rendah–rendah (LL)</Name>
          <Title>Rendah–rendah (LL)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>LL</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#2c7bb6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tinggi–rendah (HL)</Name>
          <Title>Tinggi–rendah (HL)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>HL</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#fdae61</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Rendah–tinggi (LH)</Name>
          <Title>Rendah–tinggi (LH)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>LH</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#abd9e9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tidak signifikan</Name>
          <Title>Tidak signifikan</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>tidak_signifikan</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#e8e4da</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tanpa tetangga</Name>
          <Title>Tanpa tetangga</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>tanpa_tetangga</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#969696</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tanpa data</Name>
          <Title>Tanpa data</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>lisa</ogc:PropertyName><ogc:Literal>tanpa_data</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
