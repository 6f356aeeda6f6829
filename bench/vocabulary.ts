// Word lists for the synthetic corpus: child-protection vocabulary per language (single words, so
// that any of them can be a search query), ISO 3166 alpha-2 codes and parts of publisher names.
// The lists are ordered roughly from frequent to rare: the generator draws them by Zipf's law, so a
// few words ("child", "protection") are in most documents and most words are in a few per cent.
import type { Locale } from '../src/i18n/locales.ts';

export const WORDS: Record<Locale, readonly string[]> = {
  en: [
    'child', 'children', 'protection', 'violence', 'abuse', 'rights', 'law', 'exploitation', 'online', 'safety',
    'family', 'policy', 'prevention', 'sexual', 'care', 'justice', 'national', 'services', 'support', 'trafficking',
    'neglect', 'legislation', 'framework', 'response', 'reporting', 'social', 'education', 'school', 'health', 'welfare',
    'juvenile', 'court', 'guidelines', 'standards', 'strategy', 'community', 'parents', 'caregivers', 'alternative', 'foster',
    'adoption', 'institutions', 'street', 'labour', 'marriage', 'forced', 'migrant', 'refugee', 'unaccompanied', 'separated',
    'disability', 'teachers', 'psychosocial', 'workforce', 'referral', 'pathways', 'mechanisms', 'birth', 'registration', 'detention',
    'diversion', 'restorative', 'victims', 'witnesses', 'testimony', 'grooming', 'cyberbullying', 'harassment', 'material', 'internet',
    'platforms', 'digital', 'monitoring', 'data', 'evidence', 'assessment', 'training', 'corporal', 'punishment', 'harmful',
    'practices', 'mutilation', 'armed', 'conflict', 'recruitment', 'humanitarian', 'emergency', 'resilience', 'adolescents', 'girls',
    'boys', 'gender', 'participation', 'accountability', 'ombudsperson', 'budget', 'orphanages', 'deinstitutionalisation', 'sextortion', 'livestreaming',
  ],
  es: [
    'niños', 'protección', 'infancia', 'violencia', 'derechos', 'abuso', 'ley', 'explotación', 'niñas', 'familia',
    'prevención', 'infantil', 'política', 'sexual', 'justicia', 'servicios', 'seguridad', 'adolescencia', 'trata', 'negligencia',
    'legislación', 'marco', 'respuesta', 'denuncia', 'educación', 'escuela', 'salud', 'bienestar', 'juvenil', 'tribunal',
    'directrices', 'normas', 'estrategia', 'comunidad', 'padres', 'cuidadores', 'acogimiento', 'adopción', 'instituciones', 'calle',
    'trabajo', 'matrimonio', 'forzado', 'migrantes', 'refugiados', 'acompañados', 'discapacidad', 'docentes', 'apoyo', 'psicosocial',
    'gestión', 'casos', 'derivación', 'comunitaria', 'registro', 'nacimiento', 'detención', 'restaurativa', 'víctimas', 'testigos',
    'entrevista', 'captación', 'ciberacoso', 'acoso', 'material', 'internet', 'plataformas', 'digital', 'datos', 'evidencia',
    'evaluación', 'capacitación', 'castigo', 'corporal', 'prácticas', 'nocivas', 'mutilación', 'conflicto', 'armado', 'reclutamiento',
    'humanitaria', 'emergencia', 'resiliencia', 'género', 'participación', 'rendición', 'defensoría', 'nacional', 'presupuesto', 'orfanatos',
  ],
  ru: [
    'дети', 'защита', 'детей', 'насилие', 'права', 'ребёнка', 'закон', 'эксплуатация', 'семья', 'профилактика',
    'жестокое', 'обращение', 'политика', 'сексуальное', 'правосудие', 'услуги', 'безопасность', 'торговля', 'пренебрежение', 'законодательство',
    'реагирование', 'сообщение', 'образование', 'школа', 'здоровье', 'благополучие', 'ювенальное', 'суд', 'руководство', 'стандарты',
    'стратегия', 'община', 'родители', 'опекуны', 'опека', 'усыновление', 'приёмная', 'учреждения', 'улица', 'труд',
    'брак', 'ранний', 'принудительный', 'мигранты', 'беженцы', 'несопровождаемые', 'инвалидность', 'учителя', 'поддержка', 'психосоциальная',
    'ведение', 'случаев', 'направление', 'регистрация', 'рождения', 'задержание', 'восстановительное', 'жертвы', 'свидетели', 'показания',
    'груминг', 'кибербуллинг', 'травля', 'материалы', 'интернет', 'платформы', 'цифровая', 'данные', 'доказательства', 'оценка',
    'обучение', 'телесные', 'наказания', 'вредные', 'практики', 'вооружённый', 'конфликт', 'вербовка', 'гуманитарная', 'чрезвычайная',
    'устойчивость', 'подростки', 'девочки', 'мальчики', 'участие', 'подотчётность', 'уполномоченный', 'национальная', 'бюджет', 'сироты',
  ],
  ar: [
    'الأطفال', 'حماية', 'الطفل', 'العنف', 'حقوق', 'الإساءة', 'القانون', 'الاستغلال', 'الأسرة', 'الوقاية',
    'السياسات', 'الجنسي', 'العدالة', 'الخدمات', 'السلامة', 'الاتجار', 'الإهمال', 'التشريعات', 'الإطار', 'الاستجابة',
    'الإبلاغ', 'التعليم', 'المدرسة', 'الصحة', 'الرعاية', 'الأحداث', 'المحكمة', 'المبادئ', 'التوجيهية', 'المعايير',
    'الاستراتيجية', 'المجتمع', 'الوالدين', 'البديلة', 'الكفالة', 'التبني', 'المؤسسات', 'الشوارع', 'عمل', 'زواج',
    'المبكر', 'القسري', 'المهاجرين', 'اللاجئين', 'المنفصلين', 'الإعاقة', 'المعلمين', 'الدعم', 'النفسي', 'الاجتماعي',
    'إدارة', 'الحالات', 'الإحالة', 'تسجيل', 'المواليد', 'الاحتجاز', 'التحويل', 'الضحايا', 'الشهود', 'الاستدراج',
    'التنمر', 'الإلكتروني', 'التحرش', 'المواد', 'الإنترنت', 'المنصات', 'الرقمية', 'البيانات', 'الأدلة', 'التقييم',
    'التدريب', 'العقوبة', 'البدنية', 'الممارسات', 'الضارة', 'ختان', 'النزاع', 'المسلح', 'التجنيد', 'الإنسانية',
    'الطوارئ', 'المراهقين', 'الفتيات', 'الفتيان', 'المشاركة', 'المساءلة', 'الوطنية', 'الميزانية', 'الأيتام', 'الابتزاز',
  ],
  fa: [
    'کودکان', 'حمایت', 'کودک', 'خشونت', 'حقوق', 'آزار', 'قانون', 'خانواده', 'پیشگیری', 'سیاست',
    'جنسی', 'عدالت', 'خدمات', 'ایمنی', 'قاچاق', 'غفلت', 'قوانین', 'چارچوب', 'پاسخ', 'گزارش',
    'آموزش', 'مدرسه', 'سلامت', 'مراقبت', 'نوجوانان', 'دادگاه', 'رهنمود', 'استانداردها', 'راهبرد', 'جامعه',
    'والدین', 'مراقبان', 'جایگزین', 'فرزندخواندگی', 'موسسات', 'خیابان', 'کار', 'ازدواج', 'زودهنگام', 'اجباری',
    'مهاجران', 'پناهندگان', 'همراه', 'معلولیت', 'معلمان', 'روانی', 'اجتماعی', 'مدیریت', 'پرونده', 'ارجاع',
    'ثبت', 'تولد', 'بازداشت', 'ترمیمی', 'قربانیان', 'شاهدان', 'اغواگری', 'قلدری', 'سایبری', 'محتوای',
    'اینترنت', 'پلتفرم', 'دیجیتال', 'داده', 'شواهد', 'ارزیابی', 'تنبیه', 'بدنی', 'مسلحانه', 'درگیری',
    'جذب', 'بشردوستانه', 'اضطراری', 'دختران', 'پسران', 'جنسیت', 'مشارکت', 'پاسخگویی', 'ملی', 'بودجه',
    'یتیمان', 'اخاذی', 'بهزیستی', 'دادرسی', 'نظارت', 'شکایت', 'مشاوره', 'توانبخشی', 'پناهگاه', 'سرپرستی',
  ],
};

/** Function words, about half of running text: they dilute the vocabulary as in real prose. */
export const FUNCTION_WORDS: Record<Locale, readonly string[]> = {
  en: ['the', 'of', 'and', 'in', 'for', 'to', 'on', 'a', 'with', 'by', 'from', 'their', 'at', 'as', 'this', 'an', 'its', 'who', 'under', 'against'],
  es: ['de', 'la', 'el', 'y', 'en', 'los', 'las', 'para', 'con', 'por', 'del', 'un', 'una', 'sobre', 'su', 'sus', 'que', 'al', 'contra', 'entre'],
  ru: ['и', 'в', 'на', 'о', 'для', 'по', 'с', 'из', 'от', 'к', 'их', 'при', 'что', 'это', 'как', 'также', 'со', 'об', 'против', 'между'],
  ar: ['في', 'من', 'على', 'إلى', 'عن', 'مع', 'و', 'التي', 'الذي', 'هذا', 'هذه', 'بين', 'ضد', 'حول', 'لدى', 'أو', 'كما', 'بعد', 'قبل', 'خلال'],
  fa: ['و', 'در', 'از', 'به', 'با', 'برای', 'که', 'این', 'آن', 'را', 'بر', 'تا', 'یا', 'هم', 'علیه', 'میان', 'درباره', 'پس', 'پیش', 'نیز'],
};

/** 150 ISO 3166-1 alpha-2 codes, roughly by how often the library's material concerns them. */
export const COUNTRIES: readonly string[] = [
  'US', 'GB', 'IN', 'PH', 'KE', 'UG', 'NG', 'ZA', 'BR', 'MX', 'CO', 'PE', 'AR', 'CL', 'ES', 'FR', 'DE', 'IT', 'NL', 'SE',
  'NO', 'DK', 'FI', 'IE', 'PT', 'BE', 'CH', 'AT', 'PL', 'RO', 'BG', 'UA', 'RU', 'KZ', 'KG', 'UZ', 'TJ', 'TM', 'GE', 'AM',
  'AZ', 'TR', 'IR', 'AF', 'PK', 'BD', 'NP', 'LK', 'TH', 'VN', 'KH', 'LA', 'MM', 'MY', 'ID', 'SG', 'CN', 'JP', 'KR', 'MN',
  'AU', 'NZ', 'FJ', 'PG', 'EG', 'MA', 'DZ', 'TN', 'LY', 'SD', 'JO', 'LB', 'SY', 'IQ', 'SA', 'AE', 'QA', 'KW', 'BH', 'OM',
  'YE', 'PS', 'IL', 'ET', 'TZ', 'RW', 'BI', 'CD', 'CG', 'CM', 'GH', 'CI', 'SN', 'ML', 'BF', 'NE', 'TD', 'SO', 'SS', 'ZM',
  'ZW', 'MW', 'MZ', 'AO', 'NA', 'BW', 'LS', 'SZ', 'MG', 'MU', 'SL', 'LR', 'GN', 'GM', 'TG', 'BJ', 'CA', 'GT', 'HN', 'SV',
  'NI', 'CR', 'PA', 'DO', 'HT', 'JM', 'TT', 'CU', 'EC', 'BO', 'PY', 'UY', 'VE', 'GY', 'SR', 'BZ', 'MD', 'BY', 'RS', 'BA',
  'ME', 'MK', 'AL', 'HR', 'SI', 'HU', 'CZ', 'SK', 'LT', 'LV',
];

// Publisher names: scope + body + field, e.g. "National Council for Children's Rights".
export const PUBLISHER_SCOPES = [
  'National', 'International', 'Regional', 'Global', 'Community', 'Independent', 'Joint', 'Interagency', 'Federal', 'Provincial',
  'Municipal', 'Coalition', 'Academic', 'Pan-African', 'Asia-Pacific', 'Latin American', 'European', 'Arab', 'Nordic', 'Central Asian',
];
export const PUBLISHER_BODIES = [
  'Council', 'Institute', 'Centre', 'Foundation', 'Alliance', 'Network', 'Commission', 'Observatory', 'Working Group', 'Task Force',
  'Ministry', 'Agency', 'Association', 'Forum', 'Initiative',
];
export const PUBLISHER_FIELDS = [
  "Children's Rights", 'Child Welfare', 'Child Protection', 'Family Services', 'Juvenile Justice', 'Online Safety', 'Ending Violence against Children',
  'Child Health', 'Education and Safeguarding', 'Social Work', 'Migrant Children', 'Youth Participation', 'Child Labour', 'Early Childhood',
  'Adolescent Development', 'Victim Support', 'Legal Aid for Children', 'Humanitarian Child Protection', 'Disability Rights', 'Alternative Care',
];
