<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <!-- Peluang melewati ambang (posterior Empirical Bayes); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">
    <rules key="{2daf3957-c219-5c22-98db-71ef2f432abc}">
      <rule key="{f2266d4e-2352-5115-91fc-707b617770e4}" symbol="0" label="&lt; 20%" filter="&quot;peluang_tinggi&quot; &lt; 0.2"/>
      <rule key="{234e53cf-e029-5ae6-a62c-479adb206027}" symbol="1" label="20–&lt; 50%" filter="&quot;peluang_tinggi&quot; &gt;= 0.2 AND &quot;peluang_tinggi&quot; &lt; 0.5"/>
      <rule key="{18e9ae00-a4e4-5fe9-b1a9-d9ab49cd114c}" symbol="2" label="50–&lt; 80%" filter="&quot;peluang_tinggi&quot; &gt;= 0.5 AND &quot;peluang_tinggi&quot; &lt; 0.8"/>
      <rule key="{6e1e81b5-9a70-55f5-a834-85f912dba290}" symbol="3" label="80–&lt; 95%" filter="&quot;peluang_tinggi&quot; &gt;= 0.8 AND &quot;peluang_tinggi&quot; &lt; 0.95"/>
      <rule key="{a49c49a0-5044-5be9-a306-5691b5d60d85}" symbol="4" label="&gt;= 95%" filter="&quot;peluang_tinggi&quot; &gt;= 0.95"/>
      <rule key="{dbc52d29-6431-5b4a-a7d7-26b84dfc1f4f}" symbol="5" label="Tanpa data" filter="&quot;peluang_tinggi&quot; IS NULL"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="241,238,246,255"/>
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
          <prop k="color" v="215,181,216,255"/>
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
          <prop k="color" v="223,101,176,255"/>
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
          <prop k="color" v="221,28,119,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="152,0,67,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
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
