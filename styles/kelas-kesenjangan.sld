<?xml version="1.0" encoding="UTF-8"?>
<!-- Kelas kesenjangan (pedoman nasional); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>kelas-kesenjangan</Name>
    <UserStyle>
      <Title>Kelas kesenjangan (pedoman nasional)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>Prevalensi tinggi, cakupan rendah</Name>
          <Title>Prevalensi tinggi, cakupan rendah</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kelas</ogc:PropertyName><ogc:Literal>tinggi_cakupan_rendah</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#b2182b</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Prevalensi tinggi, cakupan baik</Name>
          <Title>Prevalensi tinggi, cakupan baik</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kelas</ogc:PropertyName><ogc:Literal>tinggi_cakupan_baik</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#f4a582</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Prevalensi rendah, cakupan rendah</Name>
          <Title>Prevalensi rendah, cakupan rendah</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kelas</ogc:PropertyName><ogc:Literal>rendah_cakupan_rendah</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#4393c3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Prevalensi rendah, cakupan baik</Name>
          <Title>Prevalensi rendah, cakupan baik</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kelas</ogc:PropertyName><ogc:Literal>rendah_cakupan_baik</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d1e5f0</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Data kurang</Name>
          <Title>Data kurang</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kelas</ogc:PropertyName><ogc:Literal>data_kurang</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
