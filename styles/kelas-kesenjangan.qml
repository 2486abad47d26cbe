<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <!-- Kelas kesenjangan (pedoman nasional); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">
    <rules key="{adb46c29-7118-50e2-ba3c-958532629ee7}">
      <rule key="{744d7b2a-28ce-50a6-b422-8afa7a0e0c37}" symbol="0" label="Prevalensi tinggi, cakupan rendah" filter="&quot;kelas&quot; = &#x27;tinggi_cakupan_rendah&#x27;"/>
      <rule key="{ab0e0684-4a95-5839-8e7b-681b2f2e6f1e}" symbol="1" label="Prevalensi tinggi, cakupan baik" filter="&quot;kelas&quot; = &#x27;tinggi_cakupan_baik&#x27;"/>
      <rule key="{fbfa4aa9-92fd-5a73-9909-e275e17c3265}" symbol="2" label="Prevalensi rendah, cakupan rendah" filter="&quot;kelas&quot; = &#x27;rendah_cakupan_rendah&#x27;"/>
      <rule key="{750f065b-6f79-51bd-9f1f-d89aa8b76d06}" symbol="3" label="Prevalensi rendah, cakupan baik" filter="&quot;kelas&quot; = &#x27;rendah_cakupan_baik&#x27;"/>
      <rule key="{6be64cf5-11fe-5132-941f-a950703e9257}" symbol="4" label="Data kurang" filter="&quot;kelas&quot; = &#x27;data_kurang&#x27; OR &quot;kelas&quot; IS NULL"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="178,24,43,255"/>
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
          <prop k="color" v="244,165,130,255"/>
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
          <prop k="color" v="67,147,195,255"/>
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
          <prop k="color" v="209,229,240,255"/>
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
