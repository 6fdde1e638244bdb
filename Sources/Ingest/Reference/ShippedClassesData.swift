// Generated from Data/classes.tsv: the binary carries the reference classification so it
// needs no data directory at run time. Regenerate after editing Data/classes.tsv (a test
// fails while the two differ): see Data/CLASSES-SOURCE.md.

enum ShippedClassesData {
    static let tsv = #"""
# code	kind	level	name	name_en
201	function	1	一般公共服务支出	General public services
20101	function	2	人大事务	People's congress affairs
2010101	function	3	行政运行	General administration
2010102	function	3	一般行政管理事务	General administrative affairs
2010103	function	3	机关服务	Institutional services
2010104	function	3	人大会议	Congress sessions
2010105	function	3	人大立法	Legislation
2010106	function	3	人大监督	Supervision
2010107	function	3	人大代表履职能力提升	Deputies' capacity building
2010108	function	3	代表工作	Work with deputies
2010109	function	3	人大信访工作	Petition work of the congress
2010150	function	3	事业运行	Operation of public institutions
2010199	function	3	其他人大事务支出	Other people's congress affairs
20102	function	2	政协事务	CPPCC affairs
2010201	function	3	行政运行	General administration
2010202	function	3	一般行政管理事务	General administrative affairs
2010203	function	3	机关服务	Institutional services
2010204	function	3	政协会议	CPPCC sessions
2010205	function	3	委员视察	Members' inspections
2010206	function	3	参政议政	Participation in government affairs
2010250	function	3	事业运行	Operation of public institutions
2010299	function	3	其他政协事务支出	Other CPPCC affairs
20103	function	2	政府办公厅（室）及相关机构事务	Government general offices and related agencies
2010301	function	3	行政运行	General administration
2010302	function	3	一般行政管理事务	General administrative affairs
2010303	function	3	机关服务	Institutional services
2010304	function	3	专项服务	Special services
2010305	function	3	专项业务及机关事务管理	Special operations and office affairs management
2010306	function	3	政务公开审批	Open government and approvals
2010308	function	3	信访事务	Petition affairs (before 2024)
2010309	function	3	参事事务	Counsellors' affairs
2010350	function	3	事业运行	Operation of public institutions
2010399	function	3	其他政府办公厅（室）及相关机构事务支出	Other government office affairs
20104	function	2	发展与改革事务	Development and reform affairs
2010401	function	3	行政运行	General administration
2010402	function	3	一般行政管理事务	General administrative affairs
2010403	function	3	机关服务	Institutional services
2010404	function	3	战略规划与实施	Strategic planning and implementation
2010405	function	3	日常经济运行调节	Regulation of economic operation
2010406	function	3	社会事业发展规划	Social development planning
2010407	function	3	经济体制改革研究	Economic reform research
2010408	function	3	物价管理	Price administration
2010450	function	3	事业运行	Operation of public institutions
2010499	function	3	其他发展与改革事务支出	Other development and reform affairs
20105	function	2	统计信息事务	Statistics affairs
2010501	function	3	行政运行	General administration
2010502	function	3	一般行政管理事务	General administrative affairs
2010503	function	3	机关服务	Institutional services
2010504	function	3	信息事务	Information affairs
2010505	function	3	专项统计业务	Special statistical work
2010506	function	3	统计管理	Statistical management
2010507	function	3	专项普查活动	Special censuses
2010508	function	3	统计抽样调查	Sample surveys
2010550	function	3	事业运行	Operation of public institutions
2010599	function	3	其他统计信息事务支出	Other statistics affairs
20106	function	2	财政事务	Public finance affairs
2010601	function	3	行政运行	General administration
2010602	function	3	一般行政管理事务	General administrative affairs
2010603	function	3	机关服务	Institutional services
2010604	function	3	预算改革业务	Budget reform
2010605	function	3	财政国库业务	Treasury operations
2010606	function	3	财政监察	Fiscal supervision
2010607	function	3	信息化建设	Information systems
2010608	function	3	财政委托业务支出	Commissioned fiscal work
2010650	function	3	事业运行	Operation of public institutions
2010699	function	3	其他财政事务支出	Other public finance affairs
20107	function	2	税收事务	Tax affairs
2010701	function	3	行政运行	General administration
2010702	function	3	一般行政管理事务	General administrative affairs
2010703	function	3	机关服务	Institutional services
2010709	function	3	信息化建设	Information systems
2010710	function	3	税收业务	Tax operations
2010750	function	3	事业运行	Operation of public institutions
2010799	function	3	其他税收事务支出	Other tax affairs
20108	function	2	审计事务	Audit affairs
2010801	function	3	行政运行	General administration
2010802	function	3	一般行政管理事务	General administrative affairs
2010803	function	3	机关服务	Institutional services
2010804	function	3	审计业务	Audit operations
2010805	function	3	审计管理	Audit management
2010806	function	3	信息化建设	Information systems
2010850	function	3	事业运行	Operation of public institutions
2010899	function	3	其他审计事务支出	Other audit affairs
20109	function	2	海关事务	Customs affairs
2010901	function	3	行政运行	General administration
2010902	function	3	一般行政管理事务	General administrative affairs
2010903	function	3	机关服务	Institutional services
2010905	function	3	缉私办案	Anti-smuggling cases
2010907	function	3	口岸管理	Port management
2010908	function	3	信息化建设	Information systems
2010909	function	3	海关关务	Customs operations
2010910	function	3	关税征管	Tariff collection
2010911	function	3	海关监管	Customs control
2010912	function	3	检验免疫	Inspection and quarantine
2010950	function	3	事业运行	Operation of public institutions
2010999	function	3	其他海关事务支出	Other customs affairs
20111	function	2	纪检监察事务	Discipline inspection and supervision
2011101	function	3	行政运行	General administration
2011102	function	3	一般行政管理事务	General administrative affairs
2011103	function	3	机关服务	Institutional services
2011104	function	3	大案要案查处	Major case investigation
2011105	function	3	派驻派出机构	Resident and dispatched offices
2011106	function	3	巡视工作	Inspection tours
2011150	function	3	事业运行	Operation of public institutions
2011199	function	3	其他纪检监察事务支出	Other discipline inspection affairs
20113	function	2	商贸事务	Commerce and trade affairs
2011301	function	3	行政运行	General administration
2011302	function	3	一般行政管理事务	General administrative affairs
2011303	function	3	机关服务	Institutional services
2011304	function	3	对外贸易管理	Foreign trade management
2011305	function	3	国际经济合作	International economic cooperation
2011306	function	3	外资管理	Foreign investment management
2011307	function	3	国内贸易管理	Domestic trade management
2011308	function	3	招商引资	Investment promotion
2011350	function	3	事业运行	Operation of public institutions
2011399	function	3	其他商贸事务支出	Other commerce and trade affairs
20114	function	2	知识产权事务	Intellectual property affairs
2011401	function	3	行政运行	General administration
2011402	function	3	一般行政管理事务	General administrative affairs
2011403	function	3	机关服务	Institutional services
2011404	function	3	专利审批	Patent examination
2011405	function	3	知识产权战略和规划	IP strategy and planning
2011408	function	3	国际合作与交流	International cooperation
2011409	function	3	知识产权宏观管理	IP macro management
2011410	function	3	商标管理	Trademark management
2011411	function	3	原产地地理标志管理	Geographical indications
2011450	function	3	事业运行	Operation of public institutions
2011499	function	3	其他知识产权事务支出	Other intellectual property affairs
20123	function	2	民族事务	Ethnic affairs
2012301	function	3	行政运行	General administration
2012302	function	3	一般行政管理事务	General administrative affairs
2012303	function	3	机关服务	Institutional services
2012304	function	3	民族工作专项	Special ethnic work
2012350	function	3	事业运行	Operation of public institutions
2012399	function	3	其他民族事务支出	Other ethnic affairs
20125	function	2	港澳台事务	Hong Kong, Macao and Taiwan affairs
2012501	function	3	行政运行	General administration
2012502	function	3	一般行政管理事务	General administrative affairs
2012503	function	3	机关服务	Institutional services
2012504	function	3	港澳事务	Hong Kong and Macao affairs
2012505	function	3	台湾事务	Taiwan affairs
2012550	function	3	事业运行	Operation of public institutions
2012599	function	3	其他港澳台事务支出	Other Hong Kong, Macao and Taiwan affairs
20126	function	2	档案事务	Archives affairs
2012601	function	3	行政运行	General administration
2012602	function	3	一般行政管理事务	General administrative affairs
2012603	function	3	机关服务	Institutional services
2012604	function	3	档案馆	Archives
2012650	function	3	事业运行	Operation of public institutions
2012699	function	3	其他档案事务支出	Other archives affairs
20128	function	2	民主党派及工商联事务	Democratic parties and federation of industry and commerce
2012801	function	3	行政运行	General administration
2012802	function	3	一般行政管理事务	General administrative affairs
2012803	function	3	机关服务	Institutional services
2012804	function	3	参政议政	Participation in government affairs
2012850	function	3	事业运行	Operation of public institutions
2012899	function	3	其他民主党派及工商联事务支出	Other democratic party affairs
20129	function	2	群众团体事务	Mass organisations affairs
2012901	function	3	行政运行	General administration
2012902	function	3	一般行政管理事务	General administrative affairs
2012903	function	3	机关服务	Institutional services
2012906	function	3	工会事务	Trade union affairs
2012950	function	3	事业运行	Operation of public institutions
2012999	function	3	其他群众团体事务支出	Other mass organisation affairs
20131	function	2	党委办公厅（室）及相关机构事务	Party committee general offices and related agencies
2013101	function	3	行政运行	General administration
2013102	function	3	一般行政管理事务	General administrative affairs
2013103	function	3	机关服务	Institutional services
2013105	function	3	专项业务	Special operations
2013150	function	3	事业运行	Operation of public institutions
2013199	function	3	其他党委办公厅（室）及相关机构事务支出	Other party office affairs
20132	function	2	组织事务	Organisation affairs
2013201	function	3	行政运行	General administration
2013202	function	3	一般行政管理事务	General administrative affairs
2013203	function	3	机关服务	Institutional services
2013204	function	3	公务员事务	Civil service affairs
2013250	function	3	事业运行	Operation of public institutions
2013299	function	3	其他组织事务支出	Other organisation affairs
20133	function	2	宣传事务	Publicity affairs
2013301	function	3	行政运行	General administration
2013302	function	3	一般行政管理事务	General administrative affairs
2013303	function	3	机关服务	Institutional services
2013350	function	3	事业运行	Operation of public institutions
2013399	function	3	其他宣传事务支出	Other publicity affairs
20134	function	2	统战事务	United front affairs
2013401	function	3	行政运行	General administration
2013402	function	3	一般行政管理事务	General administrative affairs
2013403	function	3	机关服务	Institutional services
2013404	function	3	宗教事务	Religious affairs
2013405	function	3	华侨事务	Overseas Chinese affairs
2013450	function	3	事业运行	Operation of public institutions
2013499	function	3	其他统战事务支出	Other united front affairs
20135	function	2	对外联络事务	External liaison affairs
2013501	function	3	行政运行	General administration
2013502	function	3	一般行政管理事务	General administrative affairs
2013503	function	3	机关服务	Institutional services
2013550	function	3	事业运行	Operation of public institutions
2013599	function	3	其他对外联络事务支出	Other external liaison affairs
20136	function	2	其他共产党事务支出	Other Communist Party affairs
2013601	function	3	行政运行	General administration
2013602	function	3	一般行政管理事务	General administrative affairs
2013603	function	3	机关服务	Institutional services
2013650	function	3	事业运行	Operation of public institutions
2013699	function	3	其他共产党事务支出	Other Communist Party affairs
20137	function	2	网信事务	Cyberspace affairs
2013701	function	3	行政运行	General administration
2013702	function	3	一般行政管理事务	General administrative affairs
2013703	function	3	机关服务	Institutional services
2013704	function	3	信息安全事务	Information security affairs
2013750	function	3	事业运行	Operation of public institutions
2013799	function	3	其他网信事务支出	Other cyberspace affairs
20138	function	2	市场监督管理事务	Market regulation affairs
2013801	function	3	行政运行	General administration
2013802	function	3	一般行政管理事务	General administrative affairs
2013803	function	3	机关服务	Institutional services
2013804	function	3	经营主体监管	Supervision of market entities
2013805	function	3	市场秩序执法	Market order enforcement
2013808	function	3	信息化建设	Information systems
2013809	function	3	质量基础	Quality infrastructure
2013810	function	3	药品事务	Drug affairs
2013811	function	3	医疗器械事务	Medical device affairs
2013812	function	3	化妆品事务	Cosmetics affairs
2013813	function	3	质量安全监管	Quality and safety supervision
2013814	function	3	食品安全监管	Food safety supervision
2013850	function	3	事业运行	Operation of public institutions
2013899	function	3	其他市场监督管理事务	Other market regulation affairs
20139	function	2	社会工作事务	Social work affairs
2013901	function	3	行政运行	General administration
2013902	function	3	一般行政管理事务	General administrative affairs
2013903	function	3	机关服务	Institutional services
2013904	function	3	专项业务	Special operations
2013950	function	3	事业运行	Operation of public institutions
2013999	function	3	其他社会工作事务支出	Other social work affairs
20140	function	2	信访事务	Petition affairs
2014001	function	3	行政运行	General administration
2014002	function	3	一般行政管理事务	General administrative affairs
2014003	function	3	机关服务	Institutional services
2014004	function	3	信访业务	Petition handling
2014050	function	3	事业运行	Operation of public institutions
2014099	function	3	其他信访事务支出	Other petition affairs
20199	function	2	其他一般公共服务支出	Other general public services
2019901	function	3	国家赔偿费用支出	State compensation
2019999	function	3	其他一般公共服务支出	Other general public services
202	function	1	外交支出	Foreign affairs
20201	function	2	外交管理事务	Foreign affairs administration
2020101	function	3	行政运行	General administration
2020102	function	3	一般行政管理事务	General administrative affairs
2020103	function	3	机关服务	Institutional services
2020150	function	3	事业运行	Operation of public institutions
2020199	function	3	其他外交管理事务支出	Other foreign affairs administration
20202	function	2	驻外机构	Missions abroad
20203	function	2	对外援助	Foreign aid
20204	function	2	国际组织	International organisations
20205	function	2	对外合作与交流	External cooperation and exchanges
20206	function	2	对外宣传	External publicity
20207	function	2	边界勘界联检	Boundary survey and joint inspection
20208	function	2	国际发展合作	International development cooperation
20299	function	2	其他外交支出	Other foreign affairs
2029999	function	3	其他外交支出	Other foreign affairs
203	function	1	国防支出	National defence
20301	function	2	军费	Military expenses
20304	function	2	国防科研事业	Defence research
20305	function	2	专项工程	Special projects
20306	function	2	国防动员	National defence mobilisation
2030601	function	3	兵役征集	Conscription
2030602	function	3	经济动员	Economic mobilisation
2030603	function	3	人民防空	Civil air defence
2030604	function	3	交通战备	Transport war preparedness
2030607	function	3	民兵	Militia
2030608	function	3	边海防	Border and coastal defence
2030699	function	3	其他国防动员支出	Other defence mobilisation
20399	function	2	其他国防支出	Other national defence
2039999	function	3	其他国防支出	Other national defence
204	function	1	公共安全支出	Public security
20401	function	2	武装警察部队	Armed police
20402	function	2	公安	Public security (police)
2040201	function	3	行政运行	General administration
2040202	function	3	一般行政管理事务	General administrative affairs
2040203	function	3	机关服务	Institutional services
2040220	function	3	执法办案	Law enforcement cases
2040250	function	3	事业运行	Operation of public institutions
2040299	function	3	其他公安支出	Other police spending
20403	function	2	国家安全	State security
20404	function	2	检察	Procuratorate
2040401	function	3	行政运行	General administration
2040402	function	3	一般行政管理事务	General administrative affairs
2040403	function	3	机关服务	Institutional services
2040450	function	3	事业运行	Operation of public institutions
2040499	function	3	其他检察支出	Other procuratorate spending
20405	function	2	法院	Courts
2040501	function	3	行政运行	General administration
2040502	function	3	一般行政管理事务	General administrative affairs
2040503	function	3	机关服务	Institutional services
2040504	function	3	案件审判	Trials
2040505	function	3	案件执行	Enforcement of judgments
2040550	function	3	事业运行	Operation of public institutions
2040599	function	3	其他法院支出	Other court spending
20406	function	2	司法	Justice administration
2040601	function	3	行政运行	General administration
2040602	function	3	一般行政管理事务	General administrative affairs
2040603	function	3	机关服务	Institutional services
2040604	function	3	基层司法业务	Grassroots judicial work
2040605	function	3	普法宣传	Legal publicity
2040606	function	3	律师管理	Lawyer management
2040607	function	3	公共法律服务	Public legal services
2040608	function	3	国家统一法律职业资格考试	National legal profession examination
2040610	function	3	社区矫正	Community corrections
2040612	function	3	法治建设	Rule of law building
2040613	function	3	信息化建设	Information systems
2040650	function	3	事业运行	Operation of public institutions
2040699	function	3	其他司法支出	Other justice spending
20407	function	2	监狱	Prisons
20408	function	2	强制隔离戒毒	Compulsory drug rehabilitation
20409	function	2	国家保密	State secrets protection
20410	function	2	缉私警察	Anti-smuggling police
20499	function	2	其他公共安全支出	Other public security
2049902	function	3	国家司法救助支出	State judicial aid
2049999	function	3	其他公共安全支出	Other public security
205	function	1	教育支出	Education
20501	function	2	教育管理事务	Education administration
2050199	function	3	其他教育管理事务支出	Other education administration
2050101	function	3	行政运行	General administration
2050102	function	3	一般行政管理事务	General administrative affairs
2050103	function	3	机关服务	Institutional services
20502	function	2	普通教育	General education
2050201	function	3	学前教育	Pre-school education
2050202	function	3	小学教育	Primary education
2050203	function	3	初中教育	Junior secondary education
2050204	function	3	高中教育	Senior secondary education
2050205	function	3	高等教育	Higher education
2050299	function	3	其他普通教育支出	Other general education
20503	function	2	职业教育	Vocational education
2050301	function	3	初等职业教育	Primary vocational education
2050302	function	3	中等职业教育	Secondary vocational education
2050303	function	3	技校教育	Technical schools
2050305	function	3	高等职业教育	Higher vocational education
2050399	function	3	其他职业教育支出	Other vocational education
20504	function	2	成人教育	Adult education
2050499	function	3	其他成人教育支出	Other adult education
20505	function	2	广播电视教育	Radio and television education
2050599	function	3	其他广播电视教育支出	Other broadcast education
20506	function	2	留学教育	Study abroad education
2050601	function	3	出国留学教育	Studying abroad
2050602	function	3	来华留学教育	Foreign students in China
2050699	function	3	其他留学教育支出	Other study abroad education
20507	function	2	特殊教育	Special education
2050701	function	3	特殊学校教育	Special schools
2050702	function	3	工读学校教育	Reform schools
2050799	function	3	其他特殊教育支出	Other special education
20508	function	2	进修及培训	Further education and training
2050801	function	3	教师进修	Teacher training
2050802	function	3	干部教育	Cadre education
2050803	function	3	培训支出	Training
2050804	function	3	退役士兵能力提升	Veterans' skills upgrading
2050899	function	3	其他进修及培训	Other further education and training
20509	function	2	教育费附加安排的支出	Spending from the education surcharge
2050901	function	3	农村中小学校舍建设	Rural school buildings
2050902	function	3	农村中小学教学设施	Rural school teaching facilities
2050903	function	3	城市中小学校舍建设	Urban school buildings
2050904	function	3	城市中小学教学设施	Urban school teaching facilities
2050905	function	3	中等职业学校教学设施	Vocational school teaching facilities
2050999	function	3	其他教育费附加安排的支出	Other spending from the education surcharge
20599	function	2	其他教育支出	Other education
2059999	function	3	其他教育支出	Other education
206	function	1	科学技术支出	Science and technology
20601	function	2	科学技术管理事务	Science and technology administration
2060101	function	3	行政运行	General administration
2060102	function	3	一般行政管理事务	General administrative affairs
2060103	function	3	机关服务	Institutional services
2060150	function	3	事业运行	Operation of public institutions
2060199	function	3	其他科学技术管理事务支出	Other S&T administration
20602	function	2	基础研究	Basic research
2060201	function	3	机构运行	Institution operation
2060202	function	3	自然科学基金	Natural science fund
2060203	function	3	重点实验室及相关设施	Key laboratories
2060204	function	3	重大科学工程	Major scientific projects
2060205	function	3	专项基础科研	Special basic research
2060206	function	3	专项技术基础	Special technical foundations
2060299	function	3	其他基础研究支出	Other basic research
20603	function	2	应用研究	Applied research
2060301	function	3	机构运行	Institution operation
2060302	function	3	社会公益研究	Public-interest research
2060303	function	3	高技术研究	High-tech research
2060304	function	3	专项科研试制	Special research and trial production
2060399	function	3	其他应用研究支出	Other applied research
20604	function	2	技术研究与开发	Technology research and development
2060401	function	3	机构运行	Institution operation
2060403	function	3	科技成果转化与扩散	Transfer and diffusion of results
2060404	function	3	共性技术研究与开发	Generic technology R&D
2060499	function	3	其他技术研究与开发支出	Other technology R&D
20605	function	2	科技条件与服务	S&T infrastructure and services
2060501	function	3	机构运行	Institution operation
2060502	function	3	技术创新服务体系	Innovation service system
2060503	function	3	科技条件专项	Special S&T infrastructure
2060599	function	3	其他科技条件与服务支出	Other S&T infrastructure and services
20606	function	2	社会科学	Social sciences
2060601	function	3	社会科学研究机构	Social science institutes
2060602	function	3	社会科学研究	Social science research
2060603	function	3	社科基金支出	Social science fund
2060699	function	3	其他社会科学支出	Other social sciences
20607	function	2	科学技术普及	Popularisation of science
2060701	function	3	机构运行	Institution operation
2060702	function	3	科普活动	Science popularisation
2060703	function	3	青少年科技活动	Youth science activities
2060704	function	3	学术交流活动	Academic exchanges
2060705	function	3	科技馆站	Science museums
2060799	function	3	其他科学技术普及支出	Other science popularisation
20608	function	2	科技交流与合作	S&T exchanges and cooperation
2060801	function	3	国际交流与合作	International exchanges
2060802	function	3	重大科技合作项目	Major cooperation projects
2060899	function	3	其他科技交流与合作支出	Other S&T cooperation
20609	function	2	科技重大项目	Major S&T projects
2060901	function	3	科技重大专项	Major special projects
2060902	function	3	重点研发计划	Key R&D programmes
2060999	function	3	其他科技重大项目	Other major S&T projects
20699	function	2	其他科学技术支出	Other science and technology
2069901	function	3	科技奖励	S&T awards
2069902	function	3	核应急	Nuclear emergency
2069903	function	3	转制科研机构	Converted research institutes
2069999	function	3	其他科学技术支出	Other science and technology
207	function	1	文化旅游体育与传媒支出	Culture, tourism, sports and media
20701	function	2	文化和旅游	Culture and tourism
2070101	function	3	行政运行	General administration
2070102	function	3	一般行政管理事务	General administrative affairs
2070103	function	3	机关服务	Institutional services
2070104	function	3	图书馆	Libraries
2070105	function	3	文化展示及纪念机构	Cultural exhibition and memorial institutions
2070106	function	3	艺术表演场所	Performance venues
2070107	function	3	艺术表演团体	Performing troupes
2070108	function	3	文化活动	Cultural activities
2070109	function	3	群众文化	Community culture
2070110	function	3	文化和旅游交流与合作	Cultural and tourism exchanges
2070111	function	3	文化创作与保护	Cultural creation and protection
2070112	function	3	文化和旅游市场管理	Culture and tourism market management
2070113	function	3	旅游宣传	Tourism promotion
2070114	function	3	文化和旅游管理事务	Culture and tourism administration
2070150	function	3	事业运行	Operation of public institutions
2070199	function	3	其他文化和旅游支出	Other culture and tourism
20702	function	2	文物	Cultural relics
2070201	function	3	行政运行	General administration
2070202	function	3	一般行政管理事务	General administrative affairs
2070203	function	3	机关服务	Institutional services
2070204	function	3	文物保护	Relic protection
2070205	function	3	博物馆	Museums
2070206	function	3	历史名城与古迹	Historic cities and sites
2070250	function	3	事业运行	Operation of public institutions
2070299	function	3	其他文物支出	Other cultural relics
20703	function	2	体育	Sports
2070301	function	3	行政运行	General administration
2070302	function	3	一般行政管理事务	General administrative affairs
2070303	function	3	机关服务	Institutional services
2070304	function	3	运动项目管理	Sports management
2070305	function	3	体育竞赛	Competitions
2070306	function	3	体育训练	Training
2070307	function	3	体育场馆	Sports venues
2070308	function	3	群众体育	Mass sports
2070309	function	3	体育交流与合作	Sports exchanges
2070350	function	3	事业运行	Operation of public institutions
2070399	function	3	其他体育支出	Other sports
20706	function	2	新闻出版电影	News, publishing and film
2070601	function	3	行政运行	General administration
2070602	function	3	一般行政管理事务	General administrative affairs
2070603	function	3	机关服务	Institutional services
2070604	function	3	新闻通讯	News agencies
2070605	function	3	出版发行	Publishing and distribution
2070606	function	3	版权管理	Copyright administration
2070607	function	3	电影	Film
2070650	function	3	事业运行	Operation of public institutions
2070699	function	3	其他新闻出版电影支出	Other news, publishing and film
20708	function	2	广播电视	Radio and television
2070801	function	3	行政运行	General administration
2070802	function	3	一般行政管理事务	General administrative affairs
2070803	function	3	机关服务	Institutional services
2070806	function	3	监测监管	Monitoring and supervision
2070807	function	3	传输发射	Transmission
2070808	function	3	广播电视事务	Broadcasting affairs
2070850	function	3	事业运行	Operation of public institutions
2070899	function	3	其他广播电视支出	Other radio and television
20799	function	2	其他文化旅游体育与传媒支出	Other culture, tourism, sports and media
2079902	function	3	宣传文化发展专项支出	Publicity and culture development fund
2079903	function	3	文化产业发展专项支出	Cultural industry development fund
2079999	function	3	其他文化旅游体育与传媒支出	Other culture, tourism, sports and media
208	function	1	社会保障和就业支出	Social security and employment
20801	function	2	人力资源和社会保障管理事务	Human resources and social security administration
2080101	function	3	行政运行	General administration
2080102	function	3	一般行政管理事务	General administrative affairs
2080103	function	3	机关服务	Institutional services
2080104	function	3	综合业务管理	General operations management
2080105	function	3	劳动保障监察	Labour inspection
2080106	function	3	就业管理事务	Employment administration
2080107	function	3	社会保险业务管理事务	Social insurance administration
2080108	function	3	信息化建设	Information systems
2080109	function	3	社会保险经办机构	Social insurance agencies
2080110	function	3	劳动关系和维权	Labour relations and rights
2080111	function	3	公共就业服务和职业技能鉴定机构	Public employment services and skills testing
2080112	function	3	劳动人事争议调解仲裁	Labour dispute mediation and arbitration
2080113	function	3	政府特殊津贴	Government special allowances
2080114	function	3	资助留学回国人员	Support for returned overseas students
2080115	function	3	博士后日常经费	Postdoctoral expenses
2080116	function	3	引进人才费用	Talent recruitment
2080150	function	3	事业运行	Operation of public institutions
2080199	function	3	其他人力资源和社会保障管理事务支出	Other human resources and social security administration
20802	function	2	民政管理事务	Civil affairs administration
2080201	function	3	行政运行	General administration
2080202	function	3	一般行政管理事务	General administrative affairs
2080203	function	3	机关服务	Institutional services
2080204	function	3	社会组织管理	Social organisation management
2080205	function	3	行政区划和地名管理	Administrative divisions and place names
2080206	function	3	基层政权建设和社区治理	Grassroots government and community governance
2080250	function	3	事业运行	Operation of public institutions
2080299	function	3	其他民政管理事务支出	Other civil affairs administration
20804	function	2	补充全国社会保障基金	Replenishing the national social security fund
20805	function	2	行政事业单位养老支出	Pensions of administrative and public institutions
2080501	function	3	行政单位离退休	Retirees of administrative units
2080502	function	3	事业单位离退休	Retirees of public institutions
2080503	function	3	离退休人员管理机构	Retiree management agencies
2080505	function	3	机关事业单位基本养老保险缴费支出	Basic pension insurance contributions
2080506	function	3	机关事业单位职业年金缴费支出	Occupational annuity contributions
2080507	function	3	对机关事业单位基本养老保险基金的补助	Subsidies to the basic pension fund
2080508	function	3	对机关事业单位职业年金的补助	Subsidies to occupational annuities
2080599	function	3	其他行政事业单位养老支出	Other pensions of administrative and public institutions
20806	function	2	企业改革补助	Enterprise reform subsidies
20807	function	2	就业补助	Employment subsidies
2080701	function	3	就业创业服务补贴	Employment and start-up service subsidies
2080702	function	3	职业培训补贴	Vocational training subsidies
2080704	function	3	社会保险补贴	Social insurance subsidies
2080705	function	3	公益性岗位补贴	Public-welfare job subsidies
2080711	function	3	就业见习补贴	Internship subsidies
2080712	function	3	高技能人才培养补助	High-skill talent training
2080713	function	3	促进创业补贴	Start-up promotion subsidies
2080799	function	3	其他就业补助支出	Other employment subsidies
20808	function	2	抚恤	Pensions for the disabled and families of the deceased
2080801	function	3	死亡抚恤	Death pensions
2080802	function	3	伤残抚恤	Disability pensions
2080803	function	3	在乡复员、退伍军人生活补助	Living allowances for demobilised soldiers
2080805	function	3	义务兵优待	Preferential treatment of conscripts
2080806	function	3	农村籍退役士兵老年生活补助	Old-age allowances for rural veterans
2080807	function	3	光荣院	Honour homes
2080808	function	3	褒扬纪念	Commemoration
2080899	function	3	其他优抚支出	Other preferential treatment
20809	function	2	退役安置	Resettlement of veterans
2080901	function	3	退役士兵安置	Resettlement of discharged soldiers
2080902	function	3	军队移交政府的离退休人员安置	Resettlement of military retirees
2080903	function	3	军队移交政府离退休干部管理机构	Agencies for military retirees
2080904	function	3	退役士兵管理教育	Veteran management and education
2080905	function	3	军队转业干部安置	Resettlement of transferred officers
2080999	function	3	其他退役安置支出	Other resettlement
20810	function	2	社会福利	Social welfare
2081001	function	3	儿童福利	Child welfare
2081002	function	3	老年福利	Welfare for the elderly
2081003	function	3	康复辅具	Rehabilitation aids
2081004	function	3	殡葬	Funeral services
2081005	function	3	社会福利事业单位	Social welfare institutions
2081006	function	3	养老服务	Elderly care services
2081099	function	3	其他社会福利支出	Other social welfare
20811	function	2	残疾人事业	Disabled persons' undertakings
2081101	function	3	行政运行	General administration
2081102	function	3	一般行政管理事务	General administrative affairs
2081103	function	3	机关服务	Institutional services
2081104	function	3	残疾人康复	Rehabilitation
2081105	function	3	残疾人就业	Employment of the disabled
2081106	function	3	残疾人体育	Sports for the disabled
2081107	function	3	残疾人生活和护理补贴	Living and nursing allowances
2081150	function	3	事业运行	Operation of public institutions
2081199	function	3	其他残疾人事业支出	Other disabled persons' undertakings
20816	function	2	红十字事业	Red Cross
2081601	function	3	行政运行	General administration
2081602	function	3	一般行政管理事务	General administrative affairs
2081603	function	3	机关服务	Institutional services
2081650	function	3	事业运行	Operation of public institutions
2081699	function	3	其他红十字事业支出	Other Red Cross spending
20819	function	2	最低生活保障	Minimum living allowance
2081901	function	3	城市最低生活保障金支出	Urban minimum living allowance
2081902	function	3	农村最低生活保障金支出	Rural minimum living allowance
20820	function	2	临时救助	Temporary assistance
2082001	function	3	临时救助支出	Temporary assistance
2082002	function	3	流浪乞讨人员救助支出	Assistance to vagrants and beggars
20821	function	2	特困人员救助供养	Support for persons in extreme poverty
2082101	function	3	城市特困人员救助供养支出	Urban
2082102	function	3	农村特困人员救助供养支出	Rural
20824	function	2	补充道路交通事故社会救助基金	Road accident assistance fund
20825	function	2	其他生活救助	Other living assistance
2082501	function	3	其他城市生活救助	Other urban living assistance
2082502	function	3	其他农村生活救助	Other rural living assistance
20826	function	2	财政对基本养老保险基金的补助	Fiscal subsidies to basic pension insurance funds
2082601	function	3	财政对企业职工基本养老保险基金的补助	Enterprise employees' fund
2082602	function	3	财政对城乡居民基本养老保险基金的补助	Urban and rural residents' fund
2082699	function	3	财政对其他基本养老保险基金的补助	Other basic pension funds
20827	function	2	财政对其他社会保险基金的补助	Fiscal subsidies to other social insurance funds
2082701	function	3	财政对失业保险基金的补助	Unemployment insurance fund
2082702	function	3	财政对工伤保险基金的补助	Work injury insurance fund
2082799	function	3	其他财政对社会保险基金的补助	Other social insurance funds
20828	function	2	退役军人管理事务	Veterans affairs administration
2082801	function	3	行政运行	General administration
2082802	function	3	一般行政管理事务	General administrative affairs
2082803	function	3	机关服务	Institutional services
2082804	function	3	拥军优属	Support for the military and their families
2082805	function	3	部队供应	Army supplies
2082850	function	3	事业运行	Operation of public institutions
2082899	function	3	其他退役军人事务管理支出	Other veterans affairs
20830	function	2	财政代缴社会保险费支出	Social insurance premiums paid by the government
2083001	function	3	财政代缴城乡居民基本养老保险费支出	Residents' basic pension premiums
2083099	function	3	财政代缴其他社会保险费支出	Other premiums
20899	function	2	其他社会保障和就业支出	Other social security and employment
2089999	function	3	其他社会保障和就业支出	Other social security and employment
209	function	1	社会保险基金支出	Social insurance funds
20901	function	2	企业职工基本养老保险基金支出	Enterprise employees' basic pension insurance fund
20902	function	2	失业保险基金支出	Unemployment insurance fund
20903	function	2	职工基本医疗保险基金支出	Employees' basic medical insurance fund
20904	function	2	工伤保险基金支出	Work injury insurance fund
20908	function	2	城乡居民基本养老保险基金支出	Urban and rural residents' basic pension insurance fund
20910	function	2	机关事业单位基本养老保险基金支出	Basic pension insurance fund of government and public institutions
20911	function	2	城乡居民基本医疗保险基金支出	Urban and rural residents' basic medical insurance fund
20999	function	2	其他社会保险基金支出	Other social insurance funds
210	function	1	卫生健康支出	Health
21001	function	2	卫生健康管理事务	Health administration
2100101	function	3	行政运行	General administration
2100102	function	3	一般行政管理事务	General administrative affairs
2100103	function	3	机关服务	Institutional services
2100150	function	3	事业运行	Operation of public institutions
2100199	function	3	其他卫生健康管理事务支出	Other health administration
21002	function	2	公立医院	Public hospitals
2100201	function	3	综合医院	General hospitals
2100202	function	3	中医（民族）医院	Traditional Chinese (ethnic) medicine hospitals
2100203	function	3	传染病医院	Infectious disease hospitals
2100204	function	3	职业病防治医院	Occupational disease hospitals
2100205	function	3	精神病医院	Psychiatric hospitals
2100206	function	3	妇幼保健医院	Maternal and child hospitals
2100207	function	3	儿童医院	Children's hospitals
2100208	function	3	其他专科医院	Other specialised hospitals
2100209	function	3	福利医院	Welfare hospitals
2100210	function	3	行业医院	Industry hospitals
2100211	function	3	处理医疗欠费	Clearing medical arrears
2100212	function	3	康复医院	Rehabilitation hospitals
2100213	function	3	优抚医院	Hospitals for entitled groups
2100299	function	3	其他公立医院支出	Other public hospitals
21003	function	2	基层医疗卫生机构	Primary health care institutions
2100301	function	3	城市社区卫生机构	Urban community health centres
2100302	function	3	乡镇卫生院	Township health centres
2100399	function	3	其他基层医疗卫生机构支出	Other primary health care
21004	function	2	公共卫生	Public health
2100401	function	3	疾病预防控制机构	Disease control centres
2100402	function	3	卫生监督机构	Health inspection agencies
2100403	function	3	妇幼保健机构	Maternal and child health institutions
2100404	function	3	精神卫生机构	Mental health institutions
2100405	function	3	应急救治机构	Emergency treatment institutions
2100406	function	3	采供血机构	Blood collection and supply
2100407	function	3	其他专业公共卫生机构	Other public health institutions
2100408	function	3	基本公共卫生服务	Basic public health services
2100409	function	3	重大公共卫生服务	Major public health services
2100410	function	3	突发公共卫生事件应急处置	Public health emergencies
2100499	function	3	其他公共卫生支出	Other public health
21006	function	2	中医药	Traditional Chinese medicine
2100601	function	3	中医（民族医）药专项	Special TCM (ethnic medicine) programmes
2100699	function	3	其他中医药支出	Other traditional Chinese medicine
21007	function	2	计划生育事务	Family planning affairs
2100716	function	3	计划生育机构	Family planning institutions
2100717	function	3	计划生育服务	Family planning services
2100799	function	3	其他计划生育事务支出	Other family planning affairs
21011	function	2	行政事业单位医疗	Medical care of administrative and public institutions
2101101	function	3	行政单位医疗	Administrative units' medical insurance
2101102	function	3	事业单位医疗	Public institutions' medical insurance
2101103	function	3	公务员医疗补助	Civil servants' medical subsidies
2101199	function	3	其他行政事业单位医疗支出	Other medical care of institutions
21012	function	2	财政对基本医疗保险基金的补助	Fiscal subsidies to basic medical insurance funds
2101201	function	3	财政对职工基本医疗保险基金的补助	Employees' fund
2101202	function	3	财政对城乡居民基本医疗保险基金的补助	Residents' fund
2101299	function	3	财政对其他基本医疗保险基金的补助	Other medical insurance funds
21013	function	2	医疗救助	Medical assistance
2101301	function	3	城乡医疗救助	Urban and rural medical assistance
2101302	function	3	疾病应急救助	Emergency medical assistance
2101399	function	3	其他医疗救助支出	Other medical assistance
21014	function	2	优抚对象医疗	Medical care for entitled groups
2101401	function	3	优抚对象医疗补助	Medical subsidies for entitled groups
2101499	function	3	其他优抚对象医疗支出	Other medical care for entitled groups
21015	function	2	医疗保障管理事务	Medical security administration
2101501	function	3	行政运行	General administration
2101502	function	3	一般行政管理事务	General administrative affairs
2101503	function	3	机关服务	Institutional services
2101504	function	3	信息化建设	Information systems
2101505	function	3	医疗保障政策管理	Medical security policy
2101506	function	3	医疗保障经办事务	Medical security handling
2101550	function	3	事业运行	Operation of public institutions
2101599	function	3	其他医疗保障管理事务支出	Other medical security administration
21016	function	2	老龄卫生健康事务	Health affairs of the elderly
21099	function	2	其他卫生健康支出	Other health
2109999	function	3	其他卫生健康支出	Other health
211	function	1	节能环保支出	Energy conservation and environmental protection
21101	function	2	环境保护管理事务	Environmental protection administration
2110101	function	3	行政运行	General administration
2110102	function	3	一般行政管理事务	General administrative affairs
2110103	function	3	机关服务	Institutional services
2110104	function	3	生态环境保护宣传	Environmental publicity
2110105	function	3	环境保护法规、规划及标准	Environmental laws, plans and standards
2110106	function	3	生态环境国际合作及履约	International environmental cooperation
2110107	function	3	生态环境保护行政许可	Environmental permits
2110108	function	3	应对气候变化管理事务	Climate change administration
2110150	function	3	事业运行	Operation of public institutions
2110199	function	3	其他环境保护管理事务支出	Other environmental protection administration
21102	function	2	环境监测与监察	Environmental monitoring and inspection
2110206	function	3	建设项目环评审查与监督	Environmental impact assessment
2110207	function	3	核与辐射安全监督	Nuclear and radiation safety
2110299	function	3	其他环境监测与监察支出	Other environmental monitoring
21103	function	2	污染防治	Pollution prevention and control
2110301	function	3	大气	Air
2110302	function	3	水体	Water
2110303	function	3	噪声	Noise
2110304	function	3	固体废弃物与化学品	Solid waste and chemicals
2110305	function	3	放射源和放射性废物监管	Radioactive sources and waste
2110306	function	3	辐射	Radiation
2110307	function	3	土壤	Soil
2110399	function	3	其他污染防治支出	Other pollution control
21104	function	2	自然生态保护	Natural ecosystem protection
2110401	function	3	生态保护	Ecological protection
2110402	function	3	农村环境保护	Rural environmental protection
2110404	function	3	生物及物种资源保护	Biological and species resources
2110499	function	3	其他自然生态保护支出	Other ecosystem protection
21105	function	2	森林保护修复	Forest protection and restoration
21106	function	2	退耕还林还草	Returning farmland to forest and grassland
21107	function	2	风沙荒漠治理	Desertification control
21108	function	2	退牧还草	Returning grazing land to grassland
21110	function	2	能源节约利用	Energy conservation
21111	function	2	污染减排	Emission reduction
2111101	function	3	生态环境监测与信息	Environmental monitoring and information
2111102	function	3	生态环境执法监察	Environmental law enforcement
2111103	function	3	减排专项支出	Special emission reduction
2111104	function	3	清洁生产专项支出	Clean production
2111199	function	3	其他污染减排支出	Other emission reduction
21112	function	2	可再生能源	Renewable energy
21113	function	2	循环经济	Circular economy
21114	function	2	能源管理事务	Energy administration
2111401	function	3	行政运行	General administration
2111402	function	3	一般行政管理事务	General administrative affairs
2111403	function	3	机关服务	Institutional services
2111450	function	3	事业运行	Operation of public institutions
2111499	function	3	其他能源管理事务支出	Other energy administration
21199	function	2	其他节能环保支出	Other energy conservation and environmental protection
2119999	function	3	其他节能环保支出	Other energy conservation and environmental protection
212	function	1	城乡社区支出	Urban and rural community affairs
21201	function	2	城乡社区管理事务	Urban and rural community administration
2120101	function	3	行政运行	General administration
2120102	function	3	一般行政管理事务	General administrative affairs
2120103	function	3	机关服务	Institutional services
2120104	function	3	城管执法	City management enforcement
2120105	function	3	工程建设标准规范编制与监管	Construction standards
2120106	function	3	工程建设管理	Construction management
2120107	function	3	市政公用行业市场监管	Municipal utilities supervision
2120108	function	3	住宅建设与房地产市场监管	Housing and real estate supervision
2120109	function	3	执业资格注册、资质审查	Professional registration and qualification review
2120150	function	3	事业运行	Operation of public institutions
2120199	function	3	其他城乡社区管理事务支出	Other community administration
21202	function	2	城乡社区规划与管理	Urban and rural planning and management
2120201	function	3	城乡社区规划与管理	Urban and rural planning and management
21203	function	2	城乡社区公共设施	Urban and rural community public facilities
2120301	function	3	小城镇基础设施建设	Small town infrastructure
2120399	function	3	其他城乡社区公共设施支出	Other community public facilities
21205	function	2	城乡社区环境卫生	Urban and rural sanitation
2120501	function	3	城乡社区环境卫生	Urban and rural sanitation
21206	function	2	建设市场管理与监督	Construction market management and supervision
2120601	function	3	建设市场管理与监督	Construction market management and supervision
21208	function	2	国有土地使用权出让收入安排的支出	Spending from state land use right transfer revenue
2120801	function	3	征地和拆迁补偿支出	Land acquisition and demolition compensation
2120802	function	3	土地开发支出	Land development
2120803	function	3	城市建设支出	Urban construction
2120804	function	3	农村基础设施建设支出	Rural infrastructure
2120805	function	3	补助被征地农民支出	Subsidies to farmers whose land was acquired
2120806	function	3	土地出让业务支出	Land transfer operations
2120807	function	3	廉租住房支出	Low-rent housing
2120809	function	3	支付破产或改制企业职工安置费	Resettlement of employees of bankrupt or restructured enterprises
2120810	function	3	棚户区改造支出	Shantytown redevelopment
2120811	function	3	公共租赁住房支出	Public rental housing
2120813	function	3	保障性住房租金补贴	Rent subsidies for affordable housing
2120814	function	3	农业生产发展支出	Agricultural production
2120815	function	3	农村社会事业支出	Rural social services
2120816	function	3	农业农村生态环境支出	Rural ecological environment
2120899	function	3	其他国有土地使用权出让收入安排的支出	Other spending from land transfer revenue
21210	function	2	国有土地收益基金安排的支出	Spending from the state land revenue fund
21211	function	2	农业土地开发资金安排的支出	Spending from the agricultural land development fund
21213	function	2	城市基础设施配套费安排的支出	Spending from urban infrastructure fees
21214	function	2	污水处理费安排的支出	Spending from sewage treatment fees
21299	function	2	其他城乡社区支出	Other urban and rural community affairs
2129999	function	3	其他城乡社区支出	Other urban and rural community affairs
213	function	1	农林水支出	Agriculture, forestry and water
21301	function	2	农业农村	Agriculture and rural affairs
2130104	function	3	事业运行	Operation of public institutions
2130105	function	3	农垦运行	State farm operation
2130106	function	3	科技转化与推广服务	Technology extension
2130108	function	3	病虫害控制	Pest control
2130109	function	3	农产品质量安全	Farm product quality and safety
2130110	function	3	执法监管	Law enforcement
2130111	function	3	统计监测与信息服务	Statistics and information
2130112	function	3	行业业务管理	Sector management
2130114	function	3	对外交流与合作	External exchanges
2130119	function	3	防灾救灾	Disaster prevention and relief
2130120	function	3	稳定农民收入补贴	Farm income stabilisation
2130121	function	3	农业结构调整补贴	Structural adjustment subsidies
2130122	function	3	农业生产发展	Agricultural production development
2130124	function	3	农村合作经济	Rural cooperative economy
2130125	function	3	农产品加工与促销	Processing and promotion of farm products
2130126	function	3	农村社会事业	Rural social services
2130135	function	3	农业生态资源保护	Agricultural ecological resources
2130142	function	3	农村道路建设	Rural roads
2130153	function	3	耕地建设与利用	Farmland construction and use
2130199	function	3	其他农业农村支出	Other agriculture and rural affairs
2130101	function	3	行政运行	General administration
2130102	function	3	一般行政管理事务	General administrative affairs
2130103	function	3	机关服务	Institutional services
21302	function	2	林业和草原	Forestry and grassland
2130201	function	3	行政运行	General administration
2130202	function	3	一般行政管理事务	General administrative affairs
2130203	function	3	机关服务	Institutional services
2130204	function	3	事业机构	Public institutions
2130205	function	3	森林资源培育	Forest cultivation
2130250	function	3	事业运行	Operation of public institutions
2130299	function	3	其他林业和草原支出	Other forestry and grassland
21303	function	2	水利	Water resources
2130301	function	3	行政运行	General administration
2130302	function	3	一般行政管理事务	General administrative affairs
2130303	function	3	机关服务	Institutional services
2130304	function	3	水利行业业务管理	Water sector management
2130305	function	3	水利工程建设	Water works construction
2130306	function	3	水利工程运行与维护	Water works operation and maintenance
2130310	function	3	水土保持	Soil and water conservation
2130314	function	3	防汛	Flood control
2130315	function	3	抗旱	Drought relief
2130316	function	3	农村水利	Rural water works
2130350	function	3	事业运行	Operation of public institutions
2130399	function	3	其他水利支出	Other water resources
21305	function	2	巩固拓展脱贫攻坚成果衔接乡村振兴	Consolidating poverty alleviation and rural revitalisation
2130501	function	3	行政运行	General administration
2130502	function	3	一般行政管理事务	General administrative affairs
2130503	function	3	机关服务	Institutional services
2130504	function	3	农村基础设施建设	Rural infrastructure
2130505	function	3	生产发展	Production development
2130506	function	3	社会发展	Social development
2130550	function	3	事业运行	Operation of public institutions
2130599	function	3	其他巩固脱贫攻坚成果衔接乡村振兴支出	Other consolidation and rural revitalisation
21307	function	2	农村综合改革	Comprehensive rural reform
2130701	function	3	对村级公益事业建设的补助	Village public welfare projects
2130702	function	3	国有农场办社会职能改革补助	State farm social function reform
2130703	function	3	对村民委员会和村党支部的补助	Village committees and party branches
2130704	function	3	对村集体经济组织的补助	Village collective economic organisations
2130705	function	3	农村综合改革示范试点补助	Rural reform pilots
2130799	function	3	其他农村综合改革支出	Other rural reform
21308	function	2	普惠金融发展支出	Inclusive finance development
21309	function	2	目标价格补贴	Target price subsidies
21399	function	2	其他农林水支出	Other agriculture, forestry and water
2139999	function	3	其他农林水支出	Other agriculture, forestry and water
214	function	1	交通运输支出	Transport
21401	function	2	公路水路运输	Road and waterway transport
2140101	function	3	行政运行	General administration
2140102	function	3	一般行政管理事务	General administrative affairs
2140103	function	3	机关服务	Institutional services
2140104	function	3	公路建设	Highway construction
2140106	function	3	公路养护	Highway maintenance
2140112	function	3	公路运输管理	Road transport administration
2140150	function	3	事业运行	Operation of public institutions
2140199	function	3	其他公路水路运输支出	Other road and waterway transport
21402	function	2	铁路运输	Railway transport
21403	function	2	民用航空运输	Civil aviation
21405	function	2	邮政业支出	Postal services
21406	function	2	车辆购置税支出	Spending from vehicle purchase tax
21499	function	2	其他交通运输支出	Other transport
2149999	function	3	其他交通运输支出	Other transport
215	function	1	资源勘探工业信息等支出	Resource exploration, industry and information
21501	function	2	资源勘探开发	Resource exploration and development
2150101	function	3	行政运行	General administration
2150102	function	3	一般行政管理事务	General administrative affairs
2150103	function	3	机关服务	Institutional services
2150150	function	3	事业运行	Operation of public institutions
2150199	function	3	其他资源勘探业支出	Other resource exploration
21502	function	2	制造业	Manufacturing
2150201	function	3	行政运行	General administration
2150202	function	3	一般行政管理事务	General administrative affairs
2150203	function	3	机关服务	Institutional services
2150204	function	3	纺织业	Textiles
2150205	function	3	医药制造业	Pharmaceuticals
2150206	function	3	非金属矿物制品业	Non-metallic mineral products
2150207	function	3	通信设备、计算机及其他电子设备制造业	Communication equipment, computers and electronics
2150208	function	3	交通运输设备制造业	Transport equipment
2150209	function	3	电气机械及器材制造业	Electrical machinery
2150210	function	3	工艺品及其他制造业	Handicrafts and other manufacturing
2150212	function	3	石油加工、炼焦及核燃料加工业	Petroleum, coking and nuclear fuel
2150213	function	3	化学原料及化学制品制造业	Chemicals
2150214	function	3	黑色金属冶炼及压延加工业	Ferrous metals
2150215	function	3	有色金属冶炼及压延加工业	Non-ferrous metals
2150250	function	3	事业运行	Operation of public institutions
2150299	function	3	其他制造业支出	Other manufacturing
21503	function	2	建筑业	Construction industry
2150301	function	3	行政运行	General administration
2150302	function	3	一般行政管理事务	General administrative affairs
2150303	function	3	机关服务	Institutional services
2150350	function	3	事业运行	Operation of public institutions
2150399	function	3	其他建筑业支出	Other construction industry
21505	function	2	工业和信息产业监管	Industry and information technology regulation
2150501	function	3	行政运行	General administration
2150502	function	3	一般行政管理事务	General administrative affairs
2150503	function	3	机关服务	Institutional services
2150550	function	3	事业运行	Operation of public institutions
2150599	function	3	其他工业和信息产业监管支出	Other industry and IT regulation
21507	function	2	国有资产监管	State-owned assets supervision
2150701	function	3	行政运行	General administration
2150702	function	3	一般行政管理事务	General administrative affairs
2150703	function	3	机关服务	Institutional services
2150750	function	3	事业运行	Operation of public institutions
2150799	function	3	其他国有资产监管支出	Other state assets supervision
21508	function	2	支持中小企业发展和管理支出	Support for small and medium enterprises
2150801	function	3	行政运行	General administration
2150802	function	3	一般行政管理事务	General administrative affairs
2150803	function	3	机关服务	Institutional services
2150804	function	3	科技型中小企业技术创新基金	Innovation fund for technology SMEs
2150805	function	3	中小企业发展专项	SME development fund
2150806	function	3	减免房租补贴	Rent relief subsidies
2150807	function	3	重点企业贷款贴息	Loan interest subsidies for key enterprises
2150850	function	3	事业运行	Operation of public institutions
2150899	function	3	其他支持中小企业发展和管理支出	Other support for SMEs
21599	function	2	其他资源勘探工业信息等支出	Other resource exploration, industry and information
2159999	function	3	其他资源勘探工业信息等支出	Other resource exploration, industry and information
216	function	1	商业服务业等支出	Commerce and services
21602	function	2	商业流通事务	Commercial circulation affairs
2160201	function	3	行政运行	General administration
2160202	function	3	一般行政管理事务	General administrative affairs
2160203	function	3	机关服务	Institutional services
2160250	function	3	事业运行	Operation of public institutions
2160299	function	3	其他商业流通事务支出	Other commercial circulation affairs
21606	function	2	涉外发展服务支出	Foreign-related development services
2160601	function	3	行政运行	General administration
2160602	function	3	一般行政管理事务	General administrative affairs
2160603	function	3	机关服务	Institutional services
2160650	function	3	事业运行	Operation of public institutions
2160699	function	3	其他涉外发展服务支出	Other foreign-related development services
21699	function	2	其他商业服务业等支出	Other commerce and services
2169901	function	3	服务业基础设施建设	Service sector infrastructure
2169999	function	3	其他商业服务业等支出	Other commerce and services
217	function	1	金融支出	Finance
21701	function	2	金融部门行政支出	Financial sector administration
21702	function	2	金融部门监管支出	Financial sector supervision
21703	function	2	金融发展支出	Financial development
21704	function	2	金融调控支出	Financial regulation
21799	function	2	其他金融支出	Other finance
219	function	1	援助其他地区支出	Aid to other regions
21901	function	2	一般公共服务	General public services
21902	function	2	教育	Education
21903	function	2	文化旅游体育与传媒	Culture, tourism, sports and media
21904	function	2	卫生健康	Health
21905	function	2	节能环保	Energy conservation and environmental protection
21906	function	2	农业农村	Agriculture and rural affairs
21907	function	2	交通运输	Transport
21908	function	2	住房保障	Housing security
21999	function	2	其他支出	Other
220	function	1	自然资源海洋气象等支出	Natural resources, marine and meteorology
22001	function	2	自然资源事务	Natural resources affairs
2200101	function	3	行政运行	General administration
2200102	function	3	一般行政管理事务	General administrative affairs
2200103	function	3	机关服务	Institutional services
2200104	function	3	自然资源规划及管理	Natural resources planning and management
2200106	function	3	自然资源利用与保护	Use and protection of natural resources
2200107	function	3	自然资源社会公益服务	Public-interest services
2200108	function	3	自然资源行业业务管理	Sector management
2200109	function	3	自然资源调查与确权登记	Surveys and title registration
2200110	function	3	土地资源储备支出	Land reserves
2200111	function	3	地质矿产资源与环境调查	Geological and mineral surveys
2200112	function	3	地质勘查与矿产资源管理	Geological exploration and mineral management
2200113	function	3	地质转产项目财政贴息	Interest subsidies for geological conversion projects
2200114	function	3	国外风险勘查	Risk exploration abroad
2200115	function	3	地质勘查基金（周转金）支出	Geological exploration fund
2200116	function	3	海域与海岛管理	Sea area and island management
2200117	function	3	自然资源国际合作与海洋权益维护	International cooperation and maritime rights
2200118	function	3	自然资源卫星	Natural resources satellites
2200119	function	3	极地考察	Polar expeditions
2200120	function	3	深海调查与资源开发	Deep-sea surveys
2200121	function	3	海港航标维护	Harbour navigation aids
2200122	function	3	海水淡化	Desalination
2200123	function	3	无居民海岛使用金支出	Uninhabited island fees
2200124	function	3	海洋战略规划与预警监测	Marine planning and early warning
2200125	function	3	基础测绘与地理信息监管	Surveying and geographic information
2200150	function	3	事业运行	Operation of public institutions
2200199	function	3	其他自然资源事务支出	Other natural resources affairs
22005	function	2	气象事务	Meteorology
2200501	function	3	行政运行	General administration
2200502	function	3	一般行政管理事务	General administrative affairs
2200503	function	3	机关服务	Institutional services
2200504	function	3	气象事业机构	Meteorological institutions
2200506	function	3	气象探测	Observation
2200507	function	3	气象信息传输及管理	Data transmission
2200508	function	3	气象预报预测	Forecasting
2200509	function	3	气象服务	Meteorological services
2200510	function	3	气象装备保障维护	Equipment maintenance
2200511	function	3	气象基础设施建设与维修	Infrastructure
2200550	function	3	事业运行	Operation of public institutions
2200599	function	3	其他气象事务支出	Other meteorology
22099	function	2	其他自然资源海洋气象等支出	Other natural resources, marine and meteorology
2209999	function	3	其他自然资源海洋气象等支出	Other natural resources, marine and meteorology
221	function	1	住房保障支出	Housing security
22101	function	2	保障性安居工程支出	Affordable housing projects
2210101	function	3	廉租住房	Low-rent housing
2210102	function	3	沉陷区治理	Subsidence area treatment
2210103	function	3	棚户区改造	Shantytown redevelopment
2210104	function	3	少数民族地区游牧民定居工程	Nomad settlement
2210105	function	3	农村危房改造	Rural dilapidated housing renovation
2210106	function	3	公共租赁住房	Public rental housing
2210107	function	3	保障性住房租金补贴	Rent subsidies
2210108	function	3	老旧小区改造	Old residential area renovation
2210109	function	3	住房租赁市场发展	Rental market development
2210110	function	3	保障性租赁住房	Affordable rental housing
2210199	function	3	其他保障性安居工程支出	Other affordable housing
22102	function	2	住房改革支出	Housing reform
2210201	function	3	住房公积金	Housing provident fund
2210202	function	3	提租补贴	Rent increase subsidies
2210203	function	3	购房补贴	Home purchase subsidies
22103	function	2	城乡社区住宅	Urban and rural community housing
2210301	function	3	公有住房建设和维修改造支出	Public housing construction and repair
2210302	function	3	住房公积金管理	Housing provident fund management
2210399	function	3	其他城乡社区住宅支出	Other community housing
222	function	1	粮油物资储备支出	Grain, oil and materials reserves
22201	function	2	粮油物资事务	Grain, oil and materials affairs
2220101	function	3	行政运行	General administration
2220102	function	3	一般行政管理事务	General administrative affairs
2220103	function	3	机关服务	Institutional services
2220104	function	3	财务和审计支出	Finance and audit
2220105	function	3	信息统计	Statistics
2220106	function	3	专项业务活动	Special operations
2220107	function	3	国家粮油差价补贴	Grain price difference subsidies
2220115	function	3	粮食风险基金	Grain risk fund
2220116	function	3	粮油市场调控专项资金	Grain market regulation fund
2220150	function	3	事业运行	Operation of public institutions
2220199	function	3	其他粮油物资事务支出	Other grain and materials affairs
22203	function	2	能源储备	Energy reserves
22204	function	2	粮油储备	Grain and oil reserves
22205	function	2	重要商品储备	Reserves of key commodities
223	function	1	国有资本经营预算支出	State capital operations budget spending
22301	function	2	解决历史遗留问题及改革成本支出	Legacy problems and reform costs
22302	function	2	国有企业资本金注入	Capital injections into state enterprises
22303	function	2	国有企业政策性补贴	Policy subsidies to state enterprises
22399	function	2	其他国有资本经营预算支出	Other state capital operations spending
224	function	1	灾害防治及应急管理支出	Disaster prevention and emergency management
22401	function	2	应急管理事务	Emergency management affairs
2240101	function	3	行政运行	General administration
2240102	function	3	一般行政管理事务	General administrative affairs
2240103	function	3	机关服务	Institutional services
2240104	function	3	灾害风险防治	Disaster risk prevention
2240105	function	3	国务院安委会专项	State Council Work Safety Committee programmes
2240106	function	3	安全监管	Safety supervision
2240108	function	3	应急救援	Emergency rescue
2240109	function	3	应急管理	Emergency management
2240150	function	3	事业运行	Operation of public institutions
2240199	function	3	其他应急管理支出	Other emergency management
22402	function	2	消防救援事务	Fire and rescue
2240201	function	3	行政运行	General administration
2240202	function	3	一般行政管理事务	General administrative affairs
2240203	function	3	机关服务	Institutional services
2240204	function	3	消防应急救援	Fire emergency rescue
2240250	function	3	事业运行	Operation of public institutions
2240299	function	3	其他消防救援事务支出	Other fire and rescue
22404	function	2	矿山安全	Mine safety
2240401	function	3	行政运行	General administration
2240402	function	3	一般行政管理事务	General administrative affairs
2240403	function	3	机关服务	Institutional services
2240450	function	3	事业运行	Operation of public institutions
2240499	function	3	其他矿山安全支出	Other mine safety
22405	function	2	地震事务	Earthquake affairs
2240501	function	3	行政运行	General administration
2240502	function	3	一般行政管理事务	General administrative affairs
2240503	function	3	机关服务	Institutional services
2240504	function	3	地震监测	Seismic monitoring
2240505	function	3	地震预测预报	Earthquake forecasting
2240506	function	3	地震灾害预防	Earthquake disaster prevention
2240507	function	3	地震应急救援	Earthquake emergency rescue
2240508	function	3	地震环境探察	Seismic environment surveys
2240509	function	3	防震减灾信息管理	Earthquake information management
2240510	function	3	防震减灾基础管理	Earthquake preparedness administration
2240550	function	3	事业运行	Operation of public institutions
2240599	function	3	其他地震事务支出	Other earthquake affairs
22406	function	2	自然灾害防治	Natural disaster prevention
2240601	function	3	地质灾害防治	Geological hazard prevention
2240602	function	3	森林草原防灾减灾	Forest and grassland disaster reduction
2240699	function	3	其他自然灾害防治支出	Other natural disaster prevention
22407	function	2	自然灾害救灾及恢复重建支出	Natural disaster relief and reconstruction
2240703	function	3	自然灾害救灾补助	Disaster relief subsidies
2240704	function	3	自然灾害灾后重建补助	Reconstruction subsidies
2240799	function	3	其他自然灾害救灾及恢复重建支出	Other disaster relief and reconstruction
22499	function	2	其他灾害防治及应急管理支出	Other disaster prevention and emergency management
227	function	1	预备费	Reserve fund
229	function	1	其他支出	Other spending
22902	function	2	年初预留	Reserved at the start of the year
22960	function	2	彩票公益金安排的支出	Spending from lottery public welfare funds
22999	function	2	其他支出	Other spending
2299999	function	3	其他支出	Other spending
230	function	1	转移性支出	Transfer spending
231	function	1	债务还本支出	Debt principal repayment
23103	function	2	地方政府一般债务还本支出	Principal of local government general bonds
23104	function	2	地方政府专项债务还本支出	Principal of local government special bonds
232	function	1	债务付息支出	Debt interest payments
23203	function	2	地方政府一般债务付息支出	Interest on local government general bonds
23204	function	2	地方政府专项债务付息支出	Interest on local government special bonds
233	function	1	债务发行费用支出	Debt issuance costs
23303	function	2	地方政府一般债务发行费用支出	Issuance costs of local government general bonds
23304	function	2	地方政府专项债务发行费用支出	Issuance costs of local government special bonds
234	function	1	抗疫特别国债安排的支出	Spending from special treasury bonds for COVID-19 control
23401	function	2	基础设施建设	Infrastructure construction
23402	function	2	抗疫相关支出	COVID-19 related spending
270	function	1	往来性支出	Current account transactions
301	economic	1	工资福利支出	Wages and benefits
30101	economic	2	基本工资	Basic salaries
30102	economic	2	津贴补贴	Allowances and subsidies
30103	economic	2	奖金	Bonuses
30106	economic	2	伙食补助费	Meal allowances
30107	economic	2	绩效工资	Performance pay
30108	economic	2	机关事业单位基本养老保险缴费	Basic pension insurance contributions
30109	economic	2	职业年金缴费	Occupational annuity contributions
30110	economic	2	职工基本医疗保险缴费	Basic medical insurance contributions
30111	economic	2	公务员医疗补助缴费	Civil servants' medical subsidy contributions
30112	economic	2	其他社会保障缴费	Other social security contributions
30113	economic	2	住房公积金	Housing provident fund
30114	economic	2	医疗费	Medical expenses
30199	economic	2	其他工资福利支出	Other wages and benefits
302	economic	1	商品和服务支出	Goods and services
30201	economic	2	办公费	Office expenses
30202	economic	2	印刷费	Printing
30203	economic	2	咨询费	Consulting
30204	economic	2	手续费	Fees and charges
30205	economic	2	水费	Water
30206	economic	2	电费	Electricity
30207	economic	2	邮电费	Post and telecommunications
30208	economic	2	取暖费	Heating
30209	economic	2	物业管理费	Property management
30211	economic	2	差旅费	Travel
30212	economic	2	因公出国（境）费用	Official travel abroad
30213	economic	2	维修（护）费	Repairs and maintenance
30214	economic	2	租赁费	Rentals
30215	economic	2	会议费	Meetings
30216	economic	2	培训费	Training
30217	economic	2	公务接待费	Official reception
30218	economic	2	专用材料费	Special materials
30224	economic	2	被装购置费	Uniforms
30225	economic	2	专用燃料费	Special fuel
30226	economic	2	劳务费	Labour services
30227	economic	2	委托业务费	Commissioned services
30228	economic	2	工会经费	Trade union funds
30229	economic	2	福利费	Welfare
30231	economic	2	公务用车运行维护费	Official vehicle operation and maintenance
30239	economic	2	其他交通费用	Other transport expenses
30240	economic	2	税金及附加费用	Taxes and surcharges
30299	economic	2	其他商品和服务支出	Other goods and services
303	economic	1	对个人和家庭的补助	Subsidies to individuals and households
30301	economic	2	离休费	Retirement pay of pre-1949 veterans
30302	economic	2	退休费	Retirement pay
30303	economic	2	退职（役）费	Severance pay
30304	economic	2	抚恤金	Survivor pensions
30305	economic	2	生活补助	Living subsidies
30306	economic	2	救济费	Relief
30307	economic	2	医疗费补助	Medical subsidies
30308	economic	2	助学金	Student grants
30309	economic	2	奖励金	Awards
30310	economic	2	个人农业生产补贴	Farm production subsidies to individuals
30311	economic	2	代缴社会保险费	Social insurance premiums paid on behalf
30399	economic	2	其他对个人和家庭的补助	Other subsidies to individuals and households
307	economic	1	债务利息及费用支出	Debt interest and costs
30701	economic	2	国内债务付息	Domestic debt interest
30702	economic	2	国外债务付息	Foreign debt interest
30703	economic	2	国内债务发行费用	Domestic debt issuance costs
30704	economic	2	国外债务发行费用	Foreign debt issuance costs
309	economic	1	资本性支出（基本建设）	Capital spending (capital construction)
30901	economic	2	房屋建筑物购建	Buildings
30902	economic	2	办公设备购置	Office equipment
30903	economic	2	专用设备购置	Special equipment
30905	economic	2	基础设施建设	Infrastructure
30906	economic	2	大型修缮	Major repairs
30907	economic	2	信息网络及软件购置更新	Networks and software
30908	economic	2	物资储备	Material reserves
30913	economic	2	公务用车购置	Official vehicles
30919	economic	2	其他交通工具购置	Other vehicles
30921	economic	2	文物和陈列品购置	Relics and exhibits
30922	economic	2	无形资产购置	Intangible assets
30999	economic	2	其他基本建设支出	Other capital construction
310	economic	1	资本性支出	Capital spending
31001	economic	2	房屋建筑物购建	Buildings
31002	economic	2	办公设备购置	Office equipment
31003	economic	2	专用设备购置	Special equipment
31005	economic	2	基础设施建设	Infrastructure
31006	economic	2	大型修缮	Major repairs
31007	economic	2	信息网络及软件购置更新	Networks and software
31008	economic	2	物资储备	Material reserves
31009	economic	2	土地补偿	Land compensation
31010	economic	2	安置补助	Resettlement subsidies
31011	economic	2	地上附着物和青苗补偿	Compensation for structures and crops
31012	economic	2	拆迁补偿	Demolition compensation
31013	economic	2	公务用车购置	Official vehicles
31019	economic	2	其他交通工具购置	Other vehicles
31021	economic	2	文物和陈列品购置	Relics and exhibits
31022	economic	2	无形资产购置	Intangible assets
31099	economic	2	其他资本性支出	Other capital spending
311	economic	1	对企业补助（基本建设）	Subsidies to enterprises (capital construction)
31101	economic	2	资本金注入	Capital injections
31199	economic	2	其他对企业补助	Other subsidies to enterprises
312	economic	1	对企业补助	Subsidies to enterprises
31201	economic	2	资本金注入	Capital injections
31203	economic	2	政府投资基金股权投资	Government investment fund equity
31204	economic	2	费用补贴	Cost subsidies
31205	economic	2	利息补贴	Interest subsidies
31299	economic	2	其他对企业补助	Other subsidies to enterprises
313	economic	1	对社会保障基金补助	Subsidies to social security funds
31302	economic	2	对社会保险基金补助	Subsidies to social insurance funds
31303	economic	2	补充全国社会保障基金	Replenishing the national social security fund
31304	economic	2	对机关事业单位职业年金的补助	Subsidies to occupational annuities
399	economic	1	其他支出	Other spending
39906	economic	2	赠与	Donations
39907	economic	2	国家赔偿费用支出	State compensation
39908	economic	2	对民间非营利组织和群众性自治组织补贴	Subsidies to non-profits and self-governing organisations
39909	economic	2	经常性赠与	Recurrent donations
39910	economic	2	资本性赠与	Capital donations
39999	economic	2	其他支出	Other spending
"""#
}
