import { seedDocument, referenceData } from '../helpers/seed-document';

/** Every tricky way the plan names (or seems to name) a place, each checked on the real sentence. */
describe('place linking', () => {
  const doc = seedDocument();
  const linker = referenceData().places;
  const link = (text: string) => linker.link(text, 0).map((m) => m.placeId);
  const taskWith = (fragment: string) => {
    const task = doc.tasks.find((t) => t.text.includes(fragment));
    if (!task) throw new Error(`no task contains ${fragment}`);
    return task.places.map((m) => m.placeId);
  };

  it('links short names and full names alike', () => {
    expect(link('支持忠县、万州、石柱共建')).toEqual(['place/500233', 'place/500101', 'place/500240']);
    expect(link('石柱土家族自治县')).toEqual(['place/500240']);
    expect(link('秀山县')).toEqual(['place/500241']);
  });

  it('splits the combined unit 綦江—万盛 into 綦江区 and 万盛经开区', () => {
    expect(link('支持綦江—万盛、南川、江津等加快建设')).toEqual(['place/500110', 'place/万盛经开区', 'place/500119', 'place/500116']);
  });

  it('links regions, their aliases and “两群”, not their districts', () => {
    expect(link('渝东北三峡库区城镇群')).toEqual(['place/渝东北三峡库区城镇群']);
    expect(link('统筹渝东北三峡库区城镇群（以下简称三峡库区）')).toEqual(['place/渝东北三峡库区城镇群', 'place/渝东北三峡库区城镇群']);
    expect(link('有效承接主城区辐射带动')).toEqual(['place/主城都市区']);
    expect(link('打造“两群”联动发展典范')).toEqual(['place/两群']);
    expect(link('“一区”与“两群”协调发展')).toEqual(['place/主城都市区', 'place/两群']);
    expect(link('“一区两群”协调发展')).toEqual(['place/一区两群']);
  });

  it('does not take 武陵山区 (the mountain area across provinces) for the region', () => {
    expect(link('增强对秦巴山区、武陵山区等周边欠发达地区的辐射带动能力')).toEqual(['place/outside/秦巴山区', 'place/outside/武陵山区']);
    expect(link('渝东南武陵山区城镇群')).toEqual(['place/渝东南武陵山区城镇群']);
  });

  it('keeps places outside Chongqing apart', () => {
    expect(taskWith('加强与广安全方位深度合作')).toContain('place/outside/广安');
    expect(taskWith('带动黔北地区发展')).toContain('place/outside/黔北');
    expect(link('G326秀山隘口至贵州界')).toEqual(['place/500241', 'place/outside/贵州']);
  });

  it('reads names inside project names', () => {
    expect(link('G348忠县县城至涂井')).toEqual(['place/500233']);
    expect(link('渝湘高速复线巴南至彭水段')).toEqual(['place/500113', 'place/500243']);
    expect(link('武隆至两江新区（平桥至大顺段）')).toEqual(['place/500156', 'place/两江新区']);
    expect(link('开州至城口至岚皋')).toEqual(['place/500154', 'place/500229', 'place/outside/岚皋']);
  });

  it('expands abbreviations made of several places', () => {
    expect(link('长垫梁铁路')).toEqual(['place/500115', 'place/500231', 'place/500155']);
    expect(link('万达开川渝统筹发展示范区')).toEqual(['place/500101', 'place/outside/达州', 'place/500154']);
    expect(link('成达万等高速铁路')).toEqual(['place/outside/成都', 'place/outside/达州', 'place/500101']);
    expect(link('郑万高速铁路')).toEqual(['place/outside/郑州', 'place/500101']);
    expect(link('渝长高速复线')).toEqual(['place/500115']);
    expect(link('渝合铁路')).toEqual(['place/500117']);
  });

  it('does not link where the characters of a name sit inside another word', () => {
    expect(link('加快推进成渝中线高速铁路')).toEqual([]); // 渝中 inside 成渝中线
    expect(link('建设成渝中部地区新兴产业集聚区')).toEqual([]); // 渝中 inside 成渝中部
    expect(link('推动铜梁龙、川剧等优秀文化走出去')).toEqual([]); // 铜梁龙 is a dance, not a task of 铜梁区
    expect(link('渝武高速复线北碚至合川段')).toEqual(['place/500109', 'place/500117']); // 渝武 is 武胜 (Sichuan), not 武隆
    expect(link('加密川渝、渝黔、渝鄂等周边地区高速公路省际通道')).toEqual([]); // 黔 is Guizhou, not 黔江
    expect(link('重塑“两江四岸”国际化山水都市风貌')).toEqual([]); // not 两江新区
  });

  it('links a facility to the district it lies in, not the district its name contains', () => {
    const airport = linker.link('推进江北国际机场T3B航站楼', 0);
    expect(airport.map((m) => [m.placeId, m.basis])).toEqual([['place/500112', 'gazetteer']]); // 渝北区
    expect(airport[0].rationale).toContain('渝北区');
    expect(link('江北嘴')).toEqual(['place/500105']);
    expect(link('九龙美术半岛')).toEqual(['place/500107']); // 九龙坡区
  });

  it('links the districts of specific tasks of the seed', () => {
    // 强化万州的渝东北区域中心城市功能，推动万州、开州、云阳同城化发展，打造三峡库区核心增长极。
    expect(taskWith('推动万州、开州、云阳同城化发展')).toEqual(['place/500101', 'place/渝东北三峡库区城镇群', 'place/500154', 'place/500235']);
    expect(taskWith('支持垫江、忠县、彭水开展国家县城新型城镇化建设示范')).toEqual(['place/500231', 'place/500233', 'place/500243']);
  });

  it('never links a district to a task whose text does not name it', () => {
    const districts = new Map(linker.gazetteer.places.map((p) => [p.id, p]));
    for (const task of doc.tasks) {
      for (const m of task.places) {
        const place = districts.get(m.placeId)!;
        const quote = task.text.slice(m.start - task.source.start, m.end - task.source.start);
        expect(quote).toBe(m.quote);
        if (m.basis === 'text' && !m.rationale) {
          // A plain name link: the quote is the place's own name, short name or alias.
          expect([place.name, place.shortName, ...place.aliases]).toContain(m.quote);
        } else {
          // Localities, aliases and abbreviations explain themselves.
          expect(m.rationale).toBeTruthy();
        }
      }
    }
  });
});
