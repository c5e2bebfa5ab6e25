/*
description: '各来源报送的输入量（县及官方市级数） / Components as the sources report them: counties, and official city figures'
generated: component_union
by_city: region_code
checks:
  unique: [region_code, year, component_code]
  fails_when:
    - |
      select 'component ' || component_code || ' is not in ref.components (jobs/components/components.csv)' as message
      from marts.reported_components
      where component_code not in (select code from ref.components)
columns:
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  component_code: '输入量代码（见 ref.components） / Component code, see ref.components'
  value: '数值（标准单位） / Value in the canonical unit'
  origin: '来源说明 / Where the value comes from'
*/

