-- Fee waiver programmes every installation starts with (staff may change them at
-- /staff/assistance/programmes). The 低保 programme follows the source article: 关注社会弱势群体，
-- 对低保户实行优惠政策 … 为城市低保户提供终生免费服务.
INSERT INTO "assistance_programs" ("code", "name_zh", "name_en", "description_zh", "description_en", "rule_kind", "allowance_water", "allowance_electricity", "fixed_share_percent", "questions", "documents", "default_validity_months", "renewable", "active")
VALUES
('DB', '低保户用水用电减免', 'Low-income (dibao) household allowance',
 '关注社会弱势群体，对低保户实行优惠政策：在民政部门登记的城市低保户，每月免收 10 立方米用水、15 千瓦时用电的费用，减免直接显示在账单上。我们为城市低保户提供终生免费服务，到期前提醒您续办。',
 'We look after households in difficulty: a household registered with Civil Affairs for the minimum living allowance (低保, dibao) pays nothing for its first 10 m³ of water and 15 kWh of electricity each month. The reduction appears on the bill itself. Registered low-income households get our services free for life; we remind you before it needs renewing.',
 'allowance', 10, 15, NULL,
 '[{"id":"registered","kind":"yes_no","labelZh":"您家是否已在民政部门登记为城市低保户？","labelEn":"Is your household registered with Civil Affairs for the minimum living allowance (低保)?","required":true},{"id":"certificate","kind":"text","labelZh":"低保证编号","labelEn":"Dibao certificate number","required":true},{"id":"people","kind":"number","labelZh":"家里一共住几口人？","labelEn":"How many people live in your home?","required":true}]'::jsonb,
 '[{"id":"certificate","labelZh":"低保证（有照片和编号的那一页）","labelEn":"Dibao certificate (the page with the photo and number)","required":true},{"id":"id_card","labelZh":"户主身份证","labelEn":"ID card of the head of the household","required":false}]'::jsonb,
 12, true, true),
('GL', '高龄、残疾居民固定费减免', 'Older and disabled residents: fixed charges halved',
 '家中有 80 岁以上老人或持证残疾人的，每月固定费用减半，减免直接显示在账单上。',
 'If someone aged 80 or over, or someone with a disability certificate, lives in the home, the fixed monthly charges are halved. The reduction appears on the bill itself.',
 'fixed_share', NULL, NULL, 50,
 '[{"id":"reason","kind":"choice","labelZh":"家里是哪种情况？","labelEn":"Which applies to your home?","required":true,"choices":[{"value":"age80","labelZh":"有 80 岁以上老人","labelEn":"Someone aged 80 or over"},{"value":"disability","labelZh":"有持证残疾人","labelEn":"Someone with a disability certificate"}]},{"id":"lives_alone","kind":"yes_no","labelZh":"这位居民是否独自居住？","labelEn":"Does this person live alone?","required":false}]'::jsonb,
 '[{"id":"proof","labelZh":"身份证或残疾人证","labelEn":"ID card or disability certificate","required":true}]'::jsonb,
 12, true, true)
ON CONFLICT ("code") DO NOTHING;
