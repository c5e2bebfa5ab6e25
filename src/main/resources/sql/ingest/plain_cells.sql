-- Cells in their plain form, for the fast lanes of staged CSV files (stipanel.ingest.StagedCsv). Each macro is the
-- common case of a rule of stipanel.ingest.Cells and answers NULL for anything else; a row with such a cell leaves
-- the lane for the Java rules, which read every form and word every reason. A macro may be narrower than Cells,
-- never wider.

-- Text that Cells.optionalText returns unchanged: ASCII and CJK unified ideographs (their own NFKC form), nothing
-- to strip at either end, not a missing marker. True for an empty (NULL) cell.
create or replace temp macro plain_text(t) as
    t is null
    or (regexp_full_match(t, '[!-~一-鿿](?:[ -~一-鿿]*[!-~一-鿿])?')
        and t not in ('-', '--', '...', '/'));

-- A date in one of the forms Cells.date reads by pattern (2023-01-04, 2023/1/4, 2023.1.4, 2023年1月4日, 20230104),
-- year 1000 or later; NULL for an impossible date or any other form (Excel serials and time suffixes included).
create or replace temp macro plain_date(t) as
    case
        when regexp_full_match(t, '[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}') then try_cast(t as date)
        when regexp_full_match(t, '[1-9][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}')
            then try_cast(regexp_replace(t, '[/.]', '-', 'g') as date)
        when regexp_full_match(t, '[1-9][0-9]{3}年[0-9]{1,2}月[0-9]{1,2}日')
            then try_cast(replace(replace(replace(t, '年', '-'), '月', '-'), '日', '') as date)
        when regexp_full_match(t, '[1-9][0-9]{7}')
            then try_cast(left(t, 4) || '-' || substr(t, 5, 2) || '-' || right(t, 2) as date)
    end;

-- A plain number as Cells.number reads it (1200, 1,200, 0.5), no sign, no per cent; NULL otherwise.
create or replace temp macro plain_number(t) as
    case
        when regexp_full_match(t, '[0-9]+(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?')
            then try_cast(replace(t, ',', '') as double)
    end;
