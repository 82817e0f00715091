/** Use cases of the geography module: what the HTTP routes, CLI and web pages ask of the reference division. */
import { type AreaLevel, compareAreaNames, NETHERLANDS_CODE } from '../../../shared/geography.ts';
import type { Area } from '../../db/schema/index.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import {
  firstOfJanuary,
  type IsoDate,
  isValidOn,
  normalizeForSearch,
  sumPopulation,
} from './geography.domain.ts';
import type { GeographyRepo } from './geography.repo.ts';

export type AreaSummary = {
  code: string;
  name: string;
  level: AreaLevel;
  population: number | null;
  populationReferenceDate: IsoDate | null;
};

export type AreaDetail = {
  code: string;
  name: string;
  level: AreaLevel;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  parents: { code: string; name: string; level: AreaLevel }[];
  children: AreaSummary[];
  population: { referenceDate: IsoDate; inhabitants: number }[];
  /** Gemeenten this one went into (with the share of its inhabitants), when it merged or split. */
  successors: MergerLink[];
  /** Gemeenten that went into this one. */
  predecessors: MergerLink[];
};

export type MergerLink = {
  code: string;
  name: string;
  effectiveDate: IsoDate;
  populationShare: number | null;
};

const byName = (a: { name: string }, b: { name: string }) => compareAreaNames(a.name, b.name);

export function createGeographyService(deps: {
  repo: Pick<
    GeographyRepo,
    | 'findByCode'
    | 'findAreas'
    | 'findParents'
    | 'findMembers'
    | 'latestPopulationDate'
    | 'populationsOfLevel'
    | 'populationSeries'
    | 'listMergers'
    | 'findMergersOf'
  >;
  today?: () => IsoDate;
}) {
  const { repo } = deps;
  // Mergers take effect at midnight in the Netherlands, not in UTC.
  const today = deps.today ?? (() => dutchDateToday());

  /** The division date and population reference date for a request: 1 January of `year`, or now/latest. */
  async function resolveDates(year: number | undefined) {
    if (year !== undefined) return { date: firstOfJanuary(year), populationDate: firstOfJanuary(year) };
    return { date: today(), populationDate: await repo.latestPopulationDate() };
  }

  /** A parent filter must name a provincie or Veilig Thuis-regio, and only gemeenten belong to one. */
  async function checkParent(parentCode: string, level: AreaLevel) {
    const parent = await repo.findByCode(parentCode);
    if (!parent) {
      throw new BadRequestError(
        `Gebied ${parentCode} bestaat niet. Gebruik de code van een provincie of Veilig Thuis-regio.`,
        'parent',
      );
    }
    if (parent.level !== 'provincie' && parent.level !== 'veiligthuisregio') {
      throw new BadRequestError(
        `${parent.name} (${parentCode}) is geen provincie of Veilig Thuis-regio; alleen die hebben gemeenten als onderdeel.`,
        'parent',
      );
    }
    if (level !== 'gemeente') {
      throw new BadRequestError(
        `Met 'parent' kunnen alleen gemeenten worden opgevraagd (level=gemeente).`,
        'level',
      );
    }
  }

  async function summarize(areaList: Area[], level: AreaLevel, populationDate: IsoDate | null) {
    const populations = populationDate ? await repo.populationsOfLevel(level, populationDate) : new Map();
    return areaList
      .map((area) => {
        const population = populations.get(area.code) ?? null;
        return {
          code: area.code,
          name: area.name,
          level: area.level,
          population,
          populationReferenceDate: population === null ? null : populationDate,
        };
      })
      .sort(byName);
  }

  async function mergerLinks(area: Area) {
    const mergers = area.level === 'gemeente' ? await repo.findMergersOf(area.code) : [];
    const link = (code: string, name: string, merger: (typeof mergers)[number]): MergerLink => ({
      code,
      name,
      effectiveDate: merger.effectiveDate,
      populationShare: merger.populationShare,
    });
    return {
      successors: mergers.filter((m) => m.oldCode === area.code).map((m) => link(m.newCode, m.newName, m)),
      predecessors: mergers.filter((m) => m.newCode === area.code).map((m) => link(m.oldCode, m.oldName, m)),
    };
  }

  return {
    async listAreas(query: {
      level: AreaLevel;
      parent?: string;
      year?: number;
      q?: string;
    }): Promise<AreaSummary[]> {
      const { date, populationDate } = await resolveDates(query.year);
      if (query.parent !== undefined) await checkParent(query.parent, query.level);
      const search = query.q === undefined ? undefined : normalizeForSearch(query.q);
      const found = await repo.findAreas({
        level: query.level,
        date,
        ...(query.parent === undefined ? {} : { parentCode: query.parent }),
        ...(search ? { search } : {}),
      });
      return summarize(found, query.level, populationDate);
    },

    async getArea(code: string, query: { year?: number } = {}): Promise<AreaDetail> {
      const area = await repo.findByCode(code);
      if (!area)
        throw new NotFoundError(`Gebied ${code} bestaat niet. Controleer de code, bijvoorbeeld GM0363.`);
      const { date, populationDate } = await resolveDates(query.year);
      // Asked for a year, the area must have existed then; without a year every area on record is shown.
      if (query.year !== undefined && !isValidOn(area, date)) {
        throw new NotFoundError(
          `Gebied ${code} (${area.name}) bestond niet op ${date}; het bestaat van ${area.validFrom}${area.validTo ? ` tot ${area.validTo}` : ''}.`,
        );
      }
      // A former gemeente is shown as it was on its last day.
      const asOf = area.validTo !== null && area.validTo <= date ? previousDay(area.validTo) : date;
      const parents = area.level === 'gemeente' ? await repo.findParents(code, asOf) : [];
      if (area.level !== 'land') parents.push({ code: NETHERLANDS_CODE, name: 'Nederland', level: 'land' });
      const childAreas =
        area.level === 'land'
          ? await repo.findAreas({ level: 'gemeente', date: asOf })
          : area.level === 'gemeente'
            ? []
            : await repo.findMembers(code, asOf);
      return {
        code: area.code,
        name: area.name,
        level: area.level,
        validFrom: area.validFrom,
        validTo: area.validTo,
        parents,
        children: await summarize(childAreas, 'gemeente', populationDate),
        population: await repo.populationSeries(area),
        ...(await mergerLinks(area)),
      };
    },

    async listMergers() {
      return repo.listMergers();
    },

    /** National total of a level, for consistency checks: sum of the level's areas. */
    async totalPopulation(level: AreaLevel, year?: number) {
      const areasOfLevel = await this.listAreas({ level, ...(year === undefined ? {} : { year }) });
      return sumPopulation(areasOfLevel.map((area) => area.population));
    },
  };
}

export type GeographyService = ReturnType<typeof createGeographyService>;

function previousDay(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands as YYYY-MM-DD. */
export function dutchDateToday(now: Date = new Date()): IsoDate {
  return amsterdamDate.format(now);
}
