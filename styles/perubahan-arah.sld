<?xml version="1.0" encoding="UTF-8"?>
<!-- Arah perubahan periode pertama ke terakhir; dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>perubahan-arah</Name>
    <UserStyle>
      <Title>Arah perubahan periode pertama ke terakhir</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>Memburuk (bermakna)</Name>
          <Title>Memburuk (bermakna)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>perubahan_arah</ogc:PropertyName><ogc:Literal>memburuk</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d7191c</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tetap (tidak bermakna)</Name>
          <Title>Tetap (tidak bermakna)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>perubahan_arah</ogc:PropertyName><ogc:Literal>tetap</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#e8e4da</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Membaik (bermakna)</Name>
          <Title>Membaik (bermakna)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>perubahan_arah</ogc:PropertyName><ogc:Literal>membaik</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#2c7bb6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Tanpa uji</Name>
          <Title>Tanpa uji</Title>
          <ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>perubahan_arah</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
