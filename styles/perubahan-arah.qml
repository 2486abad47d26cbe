<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <!-- Arah perubahan periode pertama ke terakhir; dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">
    <rules key="{67409842-d4c3-5779-a2ad-eeb94e7c6de4}">
      <rule key="{86bddfce-67fc-51ab-87c0-16d2c5f4f844}" symbol="0" label="Memburuk (bermakna)" filter="&quot;perubahan_arah&quot; = &#x27;memburuk&#x27;"/>
      <rule key="{74d89af8-e002-57d7-a144-61e2885ff22c}" symbol="1" label="Tetap (tidak bermakna)" filter="&quot;perubahan_arah&quot; = &#x27;tetap&#x27;"/>
      <rule key="{fecbbe7d-3ffc-5005-a5f4-13ea1350804b}" symbol="2" label="Membaik (bermakna)" filter="&quot;perubahan_arah&quot; = &#x27;membaik&#x27;"/>
      <rule key="{9b62cf5a-3655-503c-b11f-a889b5e1744e}" symbol="3" label="Tanpa uji" filter="&quot;perubahan_arah&quot; IS NULL"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="215,25,28,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="232,228,218,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="44,123,182,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="217,217,217,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
