// Where the CPV 2008 codes of the categories (clauses/_categories.yaml) were checked.
import { CHECKED_ON } from './legal-verification';

/** The CPV 2008 codes the categories list, with where each code and its label were checked. */
export interface CpvCheck {
  codes: string[];
  fact: string;
  url: string;
  checkedOn: string;
}

export const CPV_CHECKS: CpvCheck[] = [
  {
    codes: [
      '09300000',
      '09310000',
      '15000000',
      '18100000',
      '18110000',
      '18130000',
      '22000000',
      '30125100',
      '30190000',
      '30192000',
      '30197630',
      '30199000',
      '30200000',
      '30213000',
      '30213100',
      '33760000',
      '34100000',
      '34110000',
      '34121000',
      '34144900',
      '39100000',
      '39110000',
      '39130000',
      '39500000',
      '39830000',
      '45000000',
      '45210000',
      '45233120',
      '45300000',
      '45400000',
      '45453000',
      '48000000',
      '50324200',
      '50700000',
      '50710000',
      '50720000',
      '50730000',
      '50750000',
      '55120000',
      '55300000',
      '55500000',
      '55520000',
      '55524000',
      '60100000',
      '60130000',
      '64110000',
      '64122000',
      '65300000',
      '71000000',
      '71314200',
      '71314300',
      '72000000',
      '77300000',
      '77310000',
      '77313000',
      '77340000',
      '79710000',
      '79713000',
      '79714000',
      '79800000',
      '79810000',
      '79950000',
      '79951000',
      '79952000',
      '90500000',
      '90511000',
      '90512000',
      '90513100',
      '90900000',
      '90910000',
      '90911200',
      '90919200',
      '98310000',
      '98311200',
      '98312000',
    ],
    fact: 'Each code with its English label in the CPV 2008 main vocabulary of Regulation (EC) No 213/2008 (the whole main vocabulary, 9,455 entries, as packaged by the OCA product_code_cpv module); the Dutch labels of 90511000 and 90512000 and the French labels of 79800000, 90511000 and 90512000 were also seen in public CPV lists; the other Dutch and French labels are our translations of the English ones',
    url: 'https://github.com/OCA/product-attribute/blob/1a9474bb0e0503047da6ec0b385e241e5d5131e8/product_code_cpv/data/product_template_cpv.xml',
    checkedOn: CHECKED_ON,
  },
];

export function isVerifiedCpv(code: string): boolean {
  return CPV_CHECKS.some((c) => c.codes.includes(code));
}
