// Phrase material for summaries, descriptions, articles and quizzes.
// Per category: why the field matters (context), what the learner gains
// (benefit), who it is for by default (audience), declarative tips that are
// true (used as article bullets and true/false questions), and a goal phrase.

export const CATEGORY_TEXT = {
  'penjualan-pemasaran': {
    context: [
      'Pembeli kini membandingkan produk lewat ponsel sebelum memutuskan membeli.',
      'Usaha yang pandai berkomunikasi dengan pelanggan lebih mudah bertahan, bahkan dengan modal kecil.',
      'Hampir semua lowongan penjualan dan pemasaran kini meminta kemampuan digital.',
    ],
    benefit: [
      'Bantu produk Anda ditemukan dan dibeli lebih banyak pelanggan.',
      'Cocok untuk menaikkan omzet usaha kecil maupun membuka karier di bidang penjualan.',
      'Anda akan pulang dengan rencana promosi yang bisa langsung dijalankan.',
    ],
    audience: ['pelaku UMKM, tenaga penjualan, dan siapa saja yang ingin berjualan lebih baik', 'pencari kerja yang membidik posisi sales atau pemasaran'],
    tips: [
      'Pelanggan lebih mudah percaya pada foto asli dan ulasan pembeli lain daripada klaim berlebihan.',
      'Membalas pertanyaan calon pembeli dengan cepat meningkatkan peluang terjadinya transaksi.',
      'Satu pesan promosi sebaiknya hanya membawa satu ajakan bertindak yang jelas.',
      'Mencatat asal pembeli membantu Anda tahu saluran promosi mana yang paling efektif.',
      'Pelanggan lama yang puas adalah sumber promosi paling murah.',
      'Harga coret dan diskon perlu dihitung dulu agar tidak menggerus keuntungan.',
    ],
    goal: 'ingin menambah penjualan atau bekerja di bidang pemasaran',
  },
  'teknologi-informasi': {
    context: [
      'Kebutuhan tenaga TI terus tumbuh, dari startup sampai kantor pemerintahan.',
      'Banyak pekerjaan teknologi bisa dikerjakan jarak jauh, sehingga peluangnya terbuka dari mana saja.',
      'Perusahaan mencari orang yang bukan hanya tahu teori, tetapi bisa menunjukkan hasil kerja nyata.',
    ],
    benefit: [
      'Setiap materi diakhiri praktik sehingga Anda punya hasil kerja untuk portofolio.',
      'Bekal yang pas untuk melamar posisi junior atau mengambil proyek lepas.',
      'Anda belajar dengan alat yang benar-benar dipakai di industri.',
    ],
    audience: ['pemula yang ingin masuk ke dunia TI', 'lulusan SMK/SMA dan mahasiswa yang ingin beralih karier ke bidang teknologi'],
    tips: [
      'Menyimpan kode di sistem kontrol versi memudahkan Anda kembali ke versi yang masih berjalan.',
      'Pesan error dibaca dari baris pertama; di sana biasanya tertulis penyebab utamanya.',
      'Proyek kecil yang selesai lebih berharga untuk portofolio daripada proyek besar yang terbengkalai.',
      'Mencadangkan data sebelum mengubah sistem mencegah kehilangan pekerjaan.',
      'Dokumentasi resmi adalah sumber belajar yang paling mutakhir.',
      'Kata sandi dan kunci akses tidak boleh disimpan di dalam kode yang dibagikan.',
    ],
    goal: 'ingin bekerja di bidang teknologi informasi',
  },
  'desain-multimedia': {
    context: [
      'Kebutuhan konten visual terus naik, dari media sosial UMKM sampai materi cetak kantor.',
      'Desainer dan editor lepas bisa mendapat klien dari seluruh Indonesia lewat internet.',
      'Tampilan visual yang rapi membuat produk dan pesan lebih mudah dipercaya.',
    ],
    benefit: [
      'Di akhir modul Anda punya beberapa karya yang bisa langsung dimasukkan ke portofolio.',
      'Cocok untuk membuka jasa desain atau membuat materi promosi usaha sendiri.',
      'Latihan disusun bertahap sehingga pemula pun bisa mengikutinya.',
    ],
    audience: ['calon desainer grafis, pembuat konten, dan pelaku UMKM yang ingin membuat materi promosi sendiri', 'pemula yang ingin memulai karier kreatif'],
    tips: [
      'Ruang kosong yang cukup membuat desain terlihat lebih rapi dan mudah dibaca.',
      'Dua jenis huruf dalam satu desain umumnya sudah cukup.',
      'File untuk dicetak memakai mode warna CMYK, sedangkan untuk layar memakai RGB.',
      'Menyimpan file kerja dengan layer utuh memudahkan revisi dari klien.',
      'Cahaya alami dari jendela sering menghasilkan foto produk yang lebih baik daripada lampu kamar.',
      'Portofolio yang berisi sedikit karya terbaik lebih meyakinkan daripada banyak karya biasa.',
    ],
    goal: 'ingin bekerja sebagai desainer atau kreator konten',
  },
  'bahasa-asing': {
    context: [
      'Kemampuan bahasa asing membuka peluang kerja di hotel, perusahaan multinasional, dan luar negeri.',
      'Banyak lowongan di sektor jasa mencantumkan bahasa asing sebagai nilai tambah.',
      'Berlatih sedikit setiap hari lebih efektif daripada belajar lama sekali seminggu.',
    ],
    benefit: [
      'Setiap pelajaran berisi kosakata dan dialog yang bisa langsung dipakai di tempat kerja.',
      'Latihan mendengar dan berbicara membantu Anda lebih percaya diri.',
      'Materi disusun dari situasi nyata, bukan hafalan tata bahasa semata.',
    ],
    audience: ['pencari kerja di sektor jasa, calon pekerja migran, dan pelajar', 'siapa saja yang ingin percaya diri berbicara dalam bahasa asing'],
    tips: [
      'Mengulang kosakata baru dalam kalimat membuatnya lebih mudah diingat daripada menghafal daftar kata.',
      'Merekam suara sendiri membantu memperbaiki pelafalan.',
      'Kesalahan kecil saat berbicara wajar dan tidak menghalangi komunikasi.',
      'Belajar lima belas menit setiap hari lebih efektif daripada dua jam sekali seminggu.',
      'Mendengarkan percakapan asli melatih telinga mengenali intonasi.',
      'Kalimat sopan dan sederhana lebih aman dipakai saat melayani pelanggan.',
    ],
    goal: 'ingin bekerja dengan pelanggan atau rekan kerja dari negara lain',
  },
  perkantoran: {
    context: [
      'Hampir semua pekerjaan kantor kini menuntut kemampuan mengolah dokumen dan data di komputer.',
      'Staf administrasi yang rapi dan cepat sangat dicari, dari kantor kecil sampai instansi besar.',
      'Keterampilan perkantoran berguna di hampir semua bidang usaha.',
    ],
    benefit: [
      'Pekerjaan harian seperti surat, laporan, dan rekap data jadi lebih cepat dan rapi.',
      'Bekal yang pas untuk melamar posisi staf administrasi atau operator komputer.',
      'Latihan memakai contoh dokumen kantor yang sering ditemui.',
    ],
    audience: ['calon staf administrasi, operator komputer, dan pegawai kantor', 'pencari kerja yang ingin menguasai aplikasi perkantoran'],
    tips: [
      'Nama file yang konsisten memudahkan dokumen ditemukan kembali.',
      'Pintasan keyboard menghemat banyak waktu untuk pekerjaan yang berulang.',
      'Menyimpan dokumen akhir sebagai PDF menjaga tata letak tetap sama di perangkat lain.',
      'Data yang diketik dalam format tabel lebih mudah diurutkan dan difilter.',
      'Memeriksa ulang ejaan dan angka sebelum mengirim dokumen mencegah revisi berulang.',
      'Cadangan file di penyimpanan awan melindungi pekerjaan jika komputer rusak.',
    ],
    goal: 'ingin bekerja di bagian administrasi atau perkantoran',
  },
  'keuangan-akuntansi': {
    context: [
      'Setiap usaha, sekecil apa pun, membutuhkan catatan keuangan yang rapi.',
      'Tenaga pembukuan dan akuntansi dibutuhkan di hampir semua jenis perusahaan.',
      'Laporan keuangan yang jelas membantu usaha mendapat pinjaman dan mitra.',
    ],
    benefit: [
      'Anda akan bisa membaca dan menyusun laporan keuangan sederhana sendiri.',
      'Latihan memakai contoh transaksi usaha dagang dan jasa yang nyata.',
      'Cocok sebagai bekal kerja di bagian keuangan maupun untuk usaha sendiri.',
    ],
    audience: ['calon staf pembukuan, pelaku UMKM, dan lulusan yang ingin bekerja di bagian keuangan', 'siapa saja yang ingin keuangannya lebih tertata'],
    tips: [
      'Mencatat transaksi di hari yang sama membuat pembukuan lebih akurat.',
      'Uang usaha dan uang pribadi sebaiknya disimpan di rekening yang berbeda.',
      'Setiap catatan transaksi perlu didukung bukti seperti nota atau kuitansi.',
      'Laba di atas kertas belum tentu berarti kas tersedia.',
      'Setiap angka di laporan keuangan perlu bisa ditelusuri kembali ke bukti transaksinya.',
      'Tenggat pembayaran dan pelaporan yang dicatat di kalender membantu menghindari denda.',
    ],
    goal: 'ingin bekerja di bidang keuangan atau merapikan keuangan usaha',
  },
  'manajemen-sdm': {
    context: [
      'Tim yang dikelola dengan baik bekerja lebih produktif dan lebih jarang berganti anggota.',
      'Banyak supervisor baru naik jabatan karena kinerja teknis, lalu harus belajar memimpin dari nol.',
      'Keputusan tentang orang makin sering didasarkan pada data, bukan perasaan.',
    ],
    benefit: [
      'Anda mendapat kerangka kerja dan contoh formulir yang langsung bisa dipakai.',
      'Cocok untuk supervisor baru maupun pemilik usaha yang mulai punya karyawan.',
      'Materi memadukan teori singkat dengan studi kasus di tempat kerja Indonesia.',
    ],
    audience: ['supervisor, staf SDM, dan pemilik usaha yang mulai mengelola tim', 'calon pemimpin tim di kantor maupun lapangan'],
    tips: [
      'Target kerja yang terukur memudahkan atasan dan karyawan menilai kemajuan.',
      'Umpan balik lebih efektif bila disampaikan segera dan fokus pada perilaku, bukan pribadi.',
      'Deskripsi pekerjaan yang jelas mengurangi salah paham sejak awal.',
      'Data karyawan bersifat rahasia dan hanya boleh diakses pihak yang berwenang.',
      'Rapat singkat yang rutin lebih berguna daripada rapat panjang yang jarang.',
      'Delegasi yang baik menyertakan hasil yang diharapkan, bukan hanya tugasnya.',
    ],
    goal: 'ingin memimpin tim atau bekerja di bidang SDM',
  },
  kewirausahaan: {
    context: [
      'Sebagian besar lapangan kerja di Indonesia berasal dari usaha mikro, kecil, dan menengah.',
      'Banyak usaha besar berawal dari dapur atau teras rumah.',
      'Usaha yang tercatat dan legal lebih mudah mengakses pembiayaan dan pasar yang lebih luas.',
    ],
    benefit: [
      'Anda akan menyusun langkah usaha yang realistis dengan modal yang ada.',
      'Dilengkapi lembar kerja perhitungan modal, harga, dan target penjualan.',
      'Cocok untuk memulai usaha sampingan maupun merapikan usaha yang sudah berjalan.',
    ],
    audience: ['calon wirausaha dan pelaku UMKM', 'siapa saja yang ingin memulai usaha sendiri dari rumah'],
    tips: [
      'Menguji ide ke calon pembeli sebelum produksi besar mengurangi risiko rugi.',
      'Harga jual harus menutup semua biaya, termasuk tenaga Anda sendiri.',
      'Catatan stok yang rapi mencegah barang habis saat permintaan tinggi.',
      'Nomor Induk Berusaha (NIB) bisa diurus secara daring lewat OSS.',
      'Pelanggan tetap lebih murah dipertahankan daripada mencari pelanggan baru.',
      'Modal awal sebaiknya dipisahkan dari uang belanja rumah tangga.',
    ],
    goal: 'ingin memulai atau mengembangkan usaha sendiri',
  },
  'makanan-minuman': {
    context: [
      'Usaha makanan dan minuman termasuk yang paling banyak digeluti dan paling cepat berputar.',
      'Layanan pesan-antar membuat dapur rumahan bisa menjangkau pembeli yang lebih luas.',
      'Rasa yang konsisten adalah kunci pelanggan kembali membeli.',
    ],
    benefit: [
      'Resep disertai takaran dan langkah yang jelas agar hasilnya konsisten.',
      'Anda juga belajar menghitung harga jual, bukan hanya memasak.',
      'Cocok untuk usaha rumahan maupun bekal bekerja di dapur profesional.',
    ],
    audience: ['calon pelaku usaha kuliner dan juru masak', 'ibu rumah tangga dan siapa saja yang ingin berjualan makanan atau minuman'],
    tips: [
      'Menimbang bahan dengan timbangan digital membuat hasil lebih konsisten daripada memakai takaran kira-kira.',
      'Bahan yang dibeli lebih dulu sebaiknya dipakai lebih dulu (first in, first out).',
      'Tangan dan peralatan yang bersih mencegah makanan cepat basi.',
      'Label berisi tanggal produksi membantu pembeli dan penjual menjaga mutu.',
      'Harga per porsi dihitung dari semua bahan, kemasan, dan gas atau listrik.',
      'Makanan matang sebaiknya tidak dibiarkan terlalu lama di suhu ruang.',
    ],
    goal: 'ingin membuka usaha kuliner atau bekerja di dapur profesional',
  },
  'gaya-hidup-kecantikan': {
    context: [
      'Jasa kecantikan dan perawatan diri tetap dicari di kota maupun desa.',
      'Banyak penata rias dan terapis memulai usaha dari rumah dengan modal peralatan sederhana.',
      'Pelanggan jasa kecantikan sangat mengutamakan kebersihan dan keramahan.',
    ],
    benefit: [
      'Anda berlatih teknik yang langsung bisa ditawarkan sebagai jasa.',
      'Materi dilengkapi tips menentukan tarif dan mempromosikan jasa.',
      'Cocok untuk memulai usaha jasa dari rumah.',
    ],
    audience: ['calon penata rias, terapis, dan pelaku usaha jasa kecantikan', 'siapa saja yang ingin membuka jasa perawatan dari rumah'],
    tips: [
      'Alat rias dan perawatan wajib dibersihkan setiap selesai dipakai pelanggan.',
      'Uji tempel produk di kulit mencegah reaksi alergi pada pelanggan.',
      'Foto sebelum dan sesudah yang jujur adalah promosi terbaik bagi jasa kecantikan.',
      'Konsultasi singkat sebelum bekerja membantu memahami keinginan pelanggan.',
      'Tarif jasa perlu memperhitungkan bahan, waktu, dan transportasi.',
      'Postur kerja yang baik mencegah pegal saat melayani banyak pelanggan.',
    ],
    goal: 'ingin membuka jasa kecantikan atau perawatan',
  },
  'pertanian-perikanan': {
    context: [
      'Lahan sempit di pekarangan pun bisa menjadi sumber pangan dan penghasilan.',
      'Permintaan sayur, ikan, dan telur segar selalu ada di pasar lokal.',
      'Teknik budidaya modern membantu hasil panen lebih pasti dengan biaya terkendali.',
    ],
    benefit: [
      'Langkah budidaya dijelaskan dari persiapan hingga panen dan penjualan.',
      'Dilengkapi perhitungan biaya agar Anda tahu kapan usaha mulai untung.',
      'Cocok untuk lahan sempit di pekarangan rumah.',
    ],
    audience: ['petani muda, peternak pemula, dan warga yang ingin memanfaatkan pekarangan', 'siapa saja yang ingin memulai usaha budidaya skala rumahan'],
    tips: [
      'Benih atau bibit yang sehat menentukan sebagian besar keberhasilan panen.',
      'Mencatat pemberian pakan dan pupuk membantu menghitung biaya produksi.',
      'Kualitas air perlu diperiksa rutin pada budidaya ikan.',
      'Pengendalian hama lebih murah bila dilakukan sejak gejala awal.',
      'Hasil panen yang disortir menurut ukuran bisa dijual dengan harga lebih baik.',
      'Memulai dari skala kecil membantu belajar tanpa risiko kerugian besar.',
    ],
    goal: 'ingin mendapat penghasilan dari pertanian, peternakan, atau perikanan',
  },
  'pariwisata-perhotelan': {
    context: [
      'Sektor pariwisata menyerap banyak tenaga kerja, dari hotel berbintang sampai desa wisata.',
      'Pelayanan yang ramah dan cekatan adalah alasan utama tamu datang kembali.',
      'Standar kerja hotel dan restoran bisa dipelajari dan dilatih sejak sebelum bekerja.',
    ],
    benefit: [
      'Anda mempelajari prosedur kerja standar industri perhotelan.',
      'Simulasi situasi nyata membuat Anda lebih siap menghadapi tamu.',
      'Bekal yang pas untuk melamar kerja di hotel, restoran, atau biro perjalanan.',
    ],
    audience: ['calon pekerja hotel, restoran, dan biro perjalanan', 'pencari kerja yang ingin bekerja di hotel, restoran, atau destinasi wisata'],
    tips: [
      'Menyapa tamu dengan menyebut namanya membuat tamu merasa dihargai.',
      'Keluhan tamu yang ditangani dengan baik bisa berubah menjadi ulasan positif.',
      'Standar kebersihan kamar diperiksa dengan daftar periksa, bukan perkiraan.',
      'Informasi yang diberikan kepada wisatawan harus akurat dan terbaru.',
      'Kerja sama antarbagian menentukan pengalaman tamu secara keseluruhan.',
      'Penampilan rapi dan sikap tenang menumbuhkan kepercayaan tamu.',
    ],
    goal: 'ingin bekerja di bidang pariwisata dan perhotelan',
  },
  'teknik-otomotif': {
    context: [
      'Teknisi yang terampil selalu dicari, baik di bengkel, pabrik, maupun jasa panggilan.',
      'Keterampilan teknik bisa langsung menjadi usaha jasa dengan modal peralatan dasar.',
      'Pekerjaan teknik menuntut ketelitian dan disiplin keselamatan kerja.',
    ],
    benefit: [
      'Setiap langkah diperagakan dengan peralatan yang umum dimiliki bengkel kecil.',
      'Anda belajar mendiagnosis masalah, bukan hanya mengganti komponen.',
      'Cocok untuk bekerja di bengkel atau membuka jasa servis sendiri.',
    ],
    audience: ['calon teknisi dan mekanik, lulusan SMK teknik, dan pemilik bengkel kecil', 'siapa saja yang ingin membuka jasa servis'],
    tips: [
      'Sumber listrik harus diputus sebelum memeriksa atau memperbaiki peralatan.',
      'Alat pelindung diri seperti kacamata dan sarung tangan mencegah cedera yang tidak perlu.',
      'Mencatat gejala kerusakan dari pelanggan mempercepat diagnosis.',
      'Komponen asli atau setara mutunya membuat hasil perbaikan lebih awet.',
      'Area kerja yang rapi mengurangi risiko baut dan komponen kecil hilang.',
      'Perawatan berkala lebih murah daripada perbaikan besar.',
    ],
    goal: 'ingin bekerja sebagai teknisi atau membuka jasa servis',
  },
  'kesehatan-k3': {
    context: [
      'Kecelakaan kerja sebagian besar bisa dicegah dengan kebiasaan kerja yang aman.',
      'Banyak perusahaan mensyaratkan pemahaman K3 bagi calon karyawan.',
      'Pengetahuan kesehatan dasar berguna di tempat kerja maupun di rumah.',
    ],
    benefit: [
      'Anda akan tahu langkah pencegahannya dan apa yang harus dilakukan bila masalah terjadi.',
      'Materi disusun dengan bahasa sederhana dan contoh di tempat kerja sehari-hari.',
      'Bekal yang berguna di pabrik, kantor, toko, maupun rumah.',
    ],
    audience: ['pekerja pabrik, gudang, kantor, dan toko', 'calon petugas K3 dan siapa saja yang ingin bekerja dengan aman'],
    tips: [
      'Menilai keamanan lokasi adalah langkah pertama sebelum menolong korban.',
      'Alat pelindung diri hanya efektif bila dipakai dengan benar dan sesuai bahaya.',
      'Jalur evakuasi harus selalu bebas dari barang.',
      'Nomor darurat sebaiknya ditempel di tempat yang mudah dilihat.',
      'Istirahat singkat secara teratur mengurangi kelelahan dan risiko kecelakaan.',
      'Kejadian hampir celaka perlu dilaporkan agar penyebabnya bisa diperbaiki.',
    ],
    goal: 'ingin bekerja dengan aman atau menjadi petugas K3',
  },
  'kerajinan-seni': {
    context: [
      'Produk buatan tangan punya pasar tersendiri, dari oleh-oleh sampai pesanan khusus.',
      'Keterampilan seni dan kerajinan bisa dikerjakan dari rumah dengan jam kerja fleksibel.',
      'Karya yang dibuat dengan rapi bisa dijual dengan harga yang pantas.',
    ],
    benefit: [
      'Anda berlatih dari teknik dasar sampai menghasilkan karya jadi.',
      'Dilengkapi tips menentukan harga dan memasarkan karya.',
      'Cocok sebagai hobi yang menghasilkan maupun usaha rumahan.',
    ],
    audience: ['perajin pemula, ibu rumah tangga, dan pelajar', 'siapa saja yang ingin menghasilkan karya tangan untuk dijual'],
    tips: [
      'Berlatih pada bahan sisa dulu menghemat bahan yang bagus untuk karya akhir.',
      'Ukuran yang diukur dua kali sebelum memotong mencegah bahan terbuang.',
      'Hasil akhir yang rapi sangat menentukan harga jual karya tangan.',
      'Foto karya dengan latar polos membuat detailnya terlihat jelas.',
      'Mencatat waktu pengerjaan membantu menentukan harga yang adil.',
      'Peralatan yang dirawat dengan baik membuat pekerjaan lebih cepat dan hasil lebih rapi.',
    ],
    goal: 'ingin berkarya dan menjual hasil kerajinan',
  },
  'pengembangan-diri': {
    context: [
      'Perusahaan makin menilai calon karyawan dari cara berpikir, berkomunikasi, dan bekerja sama.',
      'Keterampilan nonteknis membantu Anda bertahan dan berkembang di pekerjaan apa pun.',
      'Persiapan yang matang membuat proses melamar kerja jauh lebih ringan.',
    ],
    benefit: [
      'Anda mendapat latihan dan lembar refleksi yang bisa langsung dipakai.',
      'Materi singkat dan praktis, cocok dipelajari di sela kesibukan.',
      'Bekal yang berguna saat melamar kerja maupun setelah diterima.',
    ],
    audience: ['pencari kerja, lulusan baru, dan karyawan yang ingin berkembang', 'siapa saja yang ingin lebih percaya diri di dunia kerja'],
    tips: [
      'Menuliskan tujuan membuatnya lebih mudah dicapai daripada hanya memikirkannya.',
      'Mendengarkan sampai selesai sebelum menanggapi mengurangi salah paham.',
      'Latihan wawancara dengan teman membuat jawaban lebih lancar dan tidak terdengar dihafal.',
      'Pengalaman organisasi dan relawan juga layak ditulis di CV.',
      'Informasi sebaiknya diperiksa ke sumber lain sebelum dibagikan.',
      'Kebiasaan kecil yang dilakukan setiap hari lebih berpengaruh daripada niat besar sesekali.',
    ],
    goal: 'ingin lebih siap bersaing di dunia kerja',
  },
};

/** Statements that are false for any topic (used as "Benar atau salah" items). */
export const FALSE_STATEMENTS = [
  (label) => `Dalam ${label}, tahap persiapan boleh dilewati asalkan bekerja cepat.`,
  (label) => `Latihan ${label} cukup dilakukan sekali; setelah itu tidak perlu diulang.`,
  (label) => `Kesalahan saat belajar ${label} sebaiknya disembunyikan agar tidak perlu diperbaiki.`,
  (label) => `Hasil kerja ${label} tidak perlu diperiksa ulang jika Anda sudah merasa yakin.`,
];

export const INTRO_LESSON = [
  (l) => `Langkah pertama belajar ${l}`,
  (l) => `Gambaran umum ${l} untuk pemula`,
  (l) => `Pengantar ${l}: apa saja yang akan dipelajari`,
  (l) => `Mengapa ${l} penting dan bagaimana memulainya`,
  (l) => `Orientasi modul dan dasar-dasar ${l}`,
];

export const QUIZ_LESSON = [
  (l) => `Kuis pemahaman ${l}`,
  (l) => `Uji pemahaman: ${l}`,
  (l) => `Kuis akhir ${l}`,
  (l) => `Latihan soal ${l}`,
];

export const DOWNLOAD_LESSON = [
  (l) => `Lembar kerja ${l}`,
  (l) => `Checklist praktik ${l}`,
  (l) => `Template dan contoh ${l}`,
  (l) => `Ringkasan materi ${l} (PDF)`,
];

export const EXTRA_LESSON = [
  (l) => `Studi kasus ${l} di tempat kerja`,
  (l) => `Praktik mandiri ${l}`,
  (l) => `Tanya jawab seputar ${l}`,
  (l) => `Kesalahan umum dalam ${l} dan cara menghindarinya`,
];

export const ARTICLE_OPENERS = [
  (p, l) => `Materi ini membahas **${p}** sebagai bagian dari ${l}. Bacalah pelan-pelan, lalu praktikkan langsung.`,
  (p) => `Sebelum lanjut ke pelajaran berikutnya, pahami dulu ${p}. Bagian ini sering dianggap sepele, padahal sangat menentukan hasil kerja.`,
  (p) => `Pada bagian ini kita fokus pada ${p}. Berikut poin-poin yang perlu Anda ingat.`,
  (p, l) => `Banyak pemula yang belajar ${l} tersandung di bagian ini: ${p}. Mari kita uraikan satu per satu.`,
];

export const ARTICLE_TASKS = [
  (p) => `Tuliskan tiga hal dari materi "${p}" yang akan Anda terapkan minggu ini.`,
  (p) => `Praktikkan materi "${p}" satu kali, lalu catat kendala yang Anda temui.`,
  (p) => `Jelaskan materi "${p}" kepada teman atau keluarga dengan bahasa Anda sendiri.`,
  (p) => `Buat daftar periksa singkat untuk "${p}" dan simpan di ponsel Anda.`,
];

export const ARTICLE_CLOSERS = [
  'Simpan ringkasan ini sebagai pengingat saat bekerja.',
  'Catat pertanyaan Anda; biasanya jawabannya muncul saat praktik.',
  'Ulangi bagian ini kapan saja bila Anda ragu.',
  'Jangan terburu-buru; ketelitian di tahap ini menghemat waktu di tahap berikutnya.',
];

export const LEVEL_SENTENCES = {
  BEGINNER: [
    'Tidak perlu pengalaman sebelumnya; semua dijelaskan dari awal.',
    'Materi dimulai dari nol, jadi pemula pun bisa langsung mengikuti.',
    'Cukup bekal semangat belajar dan waktu latihan sekitar satu jam sehari.',
  ],
  INTERMEDIATE: [
    (l) => `Sebaiknya Anda sudah mengenal dasar-dasar ${l} agar bisa mengikuti latihan dengan lancar.`,
    (l) => `Modul ini cocok bagi Anda yang sudah pernah mencoba ${l} dan ingin lebih terampil.`,
  ],
  ADVANCED: [
    (l) => `Modul ini ditujukan bagi peserta yang sudah terbiasa dengan ${l} dan ingin naik ke tingkat lanjut.`,
    (l) => `Diperlukan pengalaman praktik ${l} sebelumnya, karena materi langsung masuk ke kasus yang lebih kompleks.`,
  ],
};

export const DELIVERY_SENTENCES = {
  SELF_PACED: [
    'Semua materi bisa diakses kapan saja dan diulang sesuai kebutuhan.',
    'Anda bisa belajar sesuai waktu luang, langsung dari ponsel.',
    'Kemajuan belajar tersimpan otomatis, jadi Anda bisa berhenti dan melanjutkan kapan saja.',
  ],
  WEBINAR: [
    'Sesi berlangsung secara langsung melalui webinar, lengkap dengan tanya jawab.',
    'Pelatihan dilakukan lewat webinar interaktif; rekaman materi pendukung tetap bisa dibaca ulang.',
  ],
  BLENDED: [
    'Materi daring dipadukan dengan sesi praktik tatap muka.',
    'Teori dipelajari secara daring, praktik dilakukan bersama pendamping di sesi tatap muka.',
  ],
  OFFLINE: [
    'Pelatihan dilakukan tatap muka dengan praktik langsung memakai alat.',
    'Seluruh sesi berlangsung tatap muka dalam kelompok kecil agar praktik lebih maksimal.',
  ],
};

export const CERTIFICATE_SENTENCES = [
  'Peserta yang menyelesaikan semua pelajaran mendapat sertifikat penyelesaian.',
  'Sertifikat penyelesaian diberikan setelah semua pelajaran dan kuis selesai.',
];

export const LANGUAGE_NOTES = {
  jv: { name: 'bahasa Jawa', summary: 'Disampaikan dalam bahasa Jawa.', intro: 'Video dan sesi disampaikan dalam bahasa Jawa sehari-hari, dengan ringkasan tertulis dalam bahasa Indonesia.' },
  su: { name: 'bahasa Sunda', summary: 'Disampaikan dalam bahasa Sunda.', intro: 'Video dan sesi disampaikan dalam bahasa Sunda, dengan ringkasan tertulis dalam bahasa Indonesia.' },
};
