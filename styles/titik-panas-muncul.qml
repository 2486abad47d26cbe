<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <!-- Titik panas yang muncul (Emerging Hot Spot); dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">
    <rules key="{e84af1ea-7a7e-5176-89f3-7cc3c977beef}">
      <rule key="{2fe55391-0981-5fb3-bc12-e95866eb3d37}" symbol="0" label="Titik panas menguat" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_menguat&#x27;"/>
      <rule key="{d3df3a58-0e8f-5f0f-9a54-b2e9350d46cb}" symbol="1" label="Titik panas menetap" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_menetap&#x27;"/>
      <rule key="{0a51714f-6335-5ee1-b220-4b6d1d45a8b2}" symbol="2" label="Titik panas berturut-turut" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_berturut&#x27;"/>
      <rule key="{9c8595b2-cc06-5101-a1e4-55eb1cb00940}" symbol="3" label="Titik panas baru" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_baru&#x27;"/>
      <rule key="{e25446b7-7b89-5acc-9b9c-6ee5058add14}" symbol="4" label="Titik panas berosilasi" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_berosilasi&#x27;"/>
      <rule key="{d30b3895-95a1-5564-92d2-7785fe4048f6}" symbol="5" label="Titik panas sporadis" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_sporadis&#x27;"/>
      <rule key="{63034742-2fcf-5044-979d-4f62b4b7475a}" symbol="6" label="Titik panas melemah" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_melemah&#x27;"/>
      <rule key="{2f5cd363-1a3f-56fc-bd4a-e5ed887a9186}" symbol="7" label="Titik panas historis" filter="&quot;pola_titik_panas&quot; = &#x27;titik_panas_historis&#x27;"/>
      <rule key="{b4e4346e-b556-58dd-ace6-1d698ad2ed79}" symbol="8" label="Titik dingin menguat" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_menguat&#x27;"/>
      <rule key="{17cbe3e4-490d-52a2-af17-d766d22daa8e}" symbol="9" label="Titik dingin menetap" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_menetap&#x27;"/>
      <rule key="{b99c1329-ed57-586e-b55a-259ec7e34c46}" symbol="10" label="Titik dingin berturut-turut" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_berturut&#x27;"/>
      <rule key="{7b42607d-7a71-5c8c-a8ec-dd254c3d6104}" symbol="11" label="Titik dingin baru" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_baru&#x27;"/>
      <rule key="{ef2bac96-31f3-5c96-ae4f-e5578e95f725}" symbol="12" label="Titik dingin berosilasi" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_berosilasi&#x27;"/>
      <rule key="{ae0066da-f3c5-5961-b01a-192d6c3db988}" symbol="13" label="Titik dingin sporadis" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_sporadis&#x27;"/>
      <rule key="{33759cbf-885d-505e-896b-b525c4b77b9d}" symbol="14" label="Titik dingin melemah" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_melemah&#x27;"/>
      <rule key="{a4f10a9b-aefa-55ad-b9d2-f42de509eb7f}" symbol="15" label="Titik dingin historis" filter="&quot;pola_titik_panas&quot; = &#x27;titik_dingin_historis&#x27;"/>
      <rule key="{f0485600-03a0-5ef3-91bf-f44623e21cd6}" symbol="16" label="Tanpa pola" filter="&quot;pola_titik_panas&quot; = &#x27;tanpa_pola&#x27; OR &quot;pola_titik_panas&quot; IS NULL"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="103,0,13,255"/>
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
          <prop k="color" v="165,15,21,255"/>
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
          <prop k="color" v="203,24,29,255"/>
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
          <prop k="color" v="239,59,44,255"/>
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
          <prop k="color" v="251,106,74,255"/>
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
          <prop k="color" v="252,146,114,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="252,187,161,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="254,224,210,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="8,48,107,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="8,81,156,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="33,113,181,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="66,146,198,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="12" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="107,174,214,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="13" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="158,202,225,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="14" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="198,219,239,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="15" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="222,235,247,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
        </layer>
      </symbol>
      <symbol type="fill" name="16" alpha="1" clip_to_extent="1" force_rhr="0">
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
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
